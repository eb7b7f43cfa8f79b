using System.Numerics;
using System.Text;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Visits;

/// <summary>
/// A visit distribution as a <em>function of γ</em>: f^{π,s}(γ) = Σ_t γ^t·E[e_{s_t} | π, s₀ = s] = (I − γT_π)⁻ᵀ·e_s for a
/// deterministic stationary policy π from a start state s, identified only by the actions π takes on the states C it
/// reaches from s (the rest of π does not matter). Equality is equality of functions on [0,1), decided exactly.
/// </summary>
/// <remarks>
/// <para><b>Exact equality.</b> f(γ) = Σ_t γ^t μ_t with μ_t the state distribution at time t, so two functions are equal
/// iff their sequences μ_t are. For a deterministic MDP μ_t = e_{x_t} and the key is the trajectory up to its first
/// repeated state (a path into a cycle). For a stochastic MDP the pair (μ_t, ν_t) of two policies evolves by a linear
/// map on a space of dimension ≤ |C₁| + |C₂| ≤ 2|R| (R: the states reachable from s), so μ_t = ν_t for t &lt; 2|R| implies
/// equality for all t (a Krylov-space argument; the rational-function version is docs/theory.md §5.3). Transition
/// probabilities are doubles, i.e. dyadic rationals, so μ_0 … μ_{2|R|−1} are computed exactly as big-integer numerators
/// over powers of two and compared exactly. No γ is ever plugged in for the comparison, so functions that coincide at a
/// special γ (docs/theory.md §4.4: γ = 1/2 in OPTSP Figure 1) stay distinct.</para>
/// </remarks>
public sealed class VisitDistributionFunction : IEquatable<VisitDistributionFunction>
{
    private readonly int[] _reached;
    private readonly int[]? _trajectory;   // deterministic: x_0 … x_{m−1}; the cycle is x_k … x_{m−1}
    private readonly int _cycleStart;
    private readonly int _keySteps;
    private string? _key;

    internal VisitDistributionFunction(Mdp mdp, int start, int[] actions, int[] reachedStates, int reachSetSize)
    {
        Mdp = mdp;
        Start = start;
        Policy = Policy.Wrap(mdp, actions);
        _reached = reachedStates;
        if (mdp.IsDeterministic)
        {
            var next = new int[mdp.StateCount];
            for (int x = 0; x < next.Length; x++) next[x] = mdp.Successors(mdp.FirstStateAction(x) + actions[x])[0];
            _trajectory = FunctionalGraphCycles.PathToCycle(next, start, out _cycleStart);
            _key = "d" + string.Join(",", _trajectory) + "|" + _cycleStart;
        }
        _keySteps = 2 * reachSetSize; // stochastic: the exact key is computed on first use

    }

    /// <summary>The bytes this function holds (its policy, reached states, trajectory and key), for memory budgets.</summary>
    internal double HeldBytes => 64 + 4.0 * (Mdp.StateCount + _reached.Length + (_trajectory?.Length ?? 0)) + 2.0 * (_key?.Length ?? 0);

    /// <summary>Creates the function of a policy from a start state.</summary>
    public static VisitDistributionFunction Of(Mdp mdp, Policy policy, int start)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        PolicyEvaluation.CheckSameMdp(mdp, policy.Mdp);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        var actions = policy.ActionSpan.ToArray();
        var reached = Reachability.UnderPolicy(mdp, actions, start);
        return new VisitDistributionFunction(mdp, start, actions, reached, Reachability.AnyPolicy(mdp, start).Length);
    }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The start state s.</summary>
    public int Start { get; }

    /// <summary>A full deterministic policy with this visit distribution (its actions off <see cref="ReachedStates"/> are
    /// arbitrary).</summary>
    public Policy Policy { get; }

    /// <summary>The states C that the policy reaches from s with positive probability, in the order first reached.</summary>
    public IReadOnlyList<int> ReachedStates => Array.AsReadOnly(_reached);

    /// <summary>For a deterministic MDP, the trajectory s = x₀, x₁, … up to its first repeated state (the cycle is
    /// x_k … x_{m−1}, k = <see cref="CycleStart"/>); null for a stochastic MDP.</summary>
    public IReadOnlyList<int>? Trajectory => _trajectory is null ? null : Array.AsReadOnly(_trajectory);

    /// <summary>For a deterministic MDP, the index k where the trajectory's cycle starts; −1 for a stochastic MDP.</summary>
    public int CycleStart => _trajectory is null ? -1 : _cycleStart;

    /// <summary>The policy on the reached states as state name → action name (the visit distribution depends on nothing else).</summary>
    public IReadOnlyDictionary<string, string> PolicyOnReachedStates()
    {
        var d = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (int s in _reached) d[Mdp.StateNames[s]] = Mdp.ActionName(s, Policy[s]);
        return d;
    }

    /// <summary>f(γ), one entry per state, for γ ∈ [0,1): the closed form Σ_{t&lt;k} γ^t e_{x_t} + γ^k/(1−γ^L)·Σ_j γ^j e_{x_{k+j}}
    /// on deterministic MDPs, an exact linear solve otherwise.</summary>
    public double[] Evaluate(double gamma)
    {
        Internal.Preconditions.CheckDiscount(gamma);
        if (_trajectory is null) return VisitDistribution.Compute(Mdp, Policy, Start, gamma).ToArray();
        var f = new double[Mdp.StateCount];
        int m = _trajectory.Length, k = _cycleStart;
        double cycleFactor = 1 / (1 - Math.Pow(gamma, m - k));
        double power = 1;
        for (int t = 0; t < m; t++)
        {
            f[_trajectory[t]] += t < k ? power : power * cycleFactor;
            power *= gamma;
        }
        return f;
    }

    /// <summary>The recurrent state distribution lim_{γ→1} (1−γ)·f(γ), computed exactly from the recurrent classes
    /// (see <see cref="RecurrentStateDistribution.Compute"/>).</summary>
    public double[] RecurrentDistribution() => RecurrentStateDistribution.Compute(Mdp, Policy, Start);

    /// <summary>Exact equality as functions of γ (same MDP and start state).</summary>
    public bool Equals(VisitDistributionFunction? other) =>
        other is not null && Start == other.Start && (ReferenceEquals(Mdp, other.Mdp) || Mdp.Equals(other.Mdp))
        && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as VisitDistributionFunction);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Start, Key);

    private string Key => _key ??= DyadicKey(Mdp, Start, Policy.ActionSpan.ToArray(), _keySteps, null);

    /// <summary>An exact key of φ·f (f with its states renamed by <paramref name="image"/>, φ(x) = image[x]; null for f
    /// itself): two functions, from any start states, are equal iff their keys with the same <paramref name="steps"/> are
    /// (steps ≥ the sum of the two reach-set sizes suffices, docs/theory.md §5.3). Deterministic MDPs key the renamed
    /// trajectory and ignore <paramref name="steps"/>.</summary>
    internal string ExactKey(int steps, IReadOnlyList<int>? image)
    {
        if (_trajectory is not null)
            return "d" + string.Join(",", _trajectory.Select(x => image is null ? x : image[x])) + "|" + _cycleStart;
        return DyadicKey(Mdp, Start, Policy.ActionSpan.ToArray(), steps, image);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (_trajectory is null) return $"f from '{Mdp.StateNames[Start]}' under {{{FormatPolicy()}}}";
        var names = _trajectory.Select(s => Mdp.StateNames[s]).ToList();
        var prefix = string.Join(" → ", names.Take(_cycleStart));
        var cycle = string.Join(" → ", names.Skip(_cycleStart));
        return (prefix.Length > 0 ? prefix + " → " : "") + "(" + cycle + ")*";
    }

    private string FormatPolicy() => string.Join(", ", PolicyOnReachedStates().Select(kv => $"{kv.Key}: {kv.Value}"));

    /// <summary>An upper estimate of the characters of one exact key of a stochastic MDP's function whose start reaches
    /// <paramref name="reachSetSize"/> states (R): 2R steps, at most R entries each, numerators of up to 54·t bits
    /// (t·54/4 hex digits) plus the state number: Σ_{t&lt;2R} R·(13.5·t + 8) ≈ 27·R³ + 16·R².</summary>
    internal static double KeyCharsEstimate(int reachSetSize)
    {
        double r = reachSetSize;
        return 27 * r * r * r + 16 * r * r;
    }

    /// <summary>The exact sequence μ_0 … μ_{steps−1} as big-integer numerators N_t over 2^{tD}, D the largest binary
    /// exponent of any transition probability of the MDP.</summary>
    private static string DyadicKey(Mdp mdp, int start, int[] actions, int steps, IReadOnlyList<int>? image)
    {
        int n = mdp.StateCount;
        int scale = 0;
        foreach (double p in mdp.AllProbabilities) scale = Math.Max(scale, BinaryExponent(p));
        var numerators = new BigInteger[mdp.AllProbabilities.Length];
        for (int k = 0; k < numerators.Length; k++) numerators[k] = Scaled(mdp.AllProbabilities[k], scale);
        var mu = new BigInteger[n];
        mu[start] = BigInteger.One;
        var sb = new StringBuilder("s");
        for (int t = 0; t < steps; t++)
        {
            // Entries in increasing (renamed) state order, so equal sequences give equal text.
            var entries = Enumerable.Range(0, n).Where(x => !mu[x].IsZero).Select(x => (Name: image is null ? x : image[x], Value: mu[x]));
            foreach (var (name, value) in image is null ? entries : entries.OrderBy(e => e.Name))
                sb.Append(name).Append(':').Append(value.ToString("x")).Append(',');
            sb.Append('|');
            var next = new BigInteger[n];
            for (int x = 0; x < n; x++)
            {
                if (mu[x].IsZero) continue;
                int sa = mdp.FirstStateAction(x) + actions[x];
                int row = mdp.TransitionOffsets[sa];
                var succ = mdp.Successors(sa);
                for (int j = 0; j < succ.Length; j++) next[succ[j]] += mu[x] * numerators[row + j];
            }
            mu = next;
        }
        return sb.ToString();
    }

    /// <summary>The smallest D ≥ 0 with p·2^D an integer (p a finite non-negative double).</summary>
    private static int BinaryExponent(double p)
    {
        if (p == 0) return 0;
        long bits = BitConverter.DoubleToInt64Bits(p);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        int e = exponent - 1075; // p = mantissa · 2^e
        while ((mantissa & 1) == 0) { mantissa >>= 1; e++; }
        return Math.Max(0, -e);
    }

    private static BigInteger Scaled(double p, int scale)
    {
        if (p == 0) return BigInteger.Zero;
        long bits = BitConverter.DoubleToInt64Bits(p);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        int e = exponent - 1075 + scale; // p·2^scale = mantissa · 2^e, an integer
        return e >= 0 ? new BigInteger(mantissa) << e : new BigInteger(mantissa) >> -e;
    }
}
