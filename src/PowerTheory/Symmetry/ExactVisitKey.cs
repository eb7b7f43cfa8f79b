using System.Numerics;
using System.Text;
using PowerTheory.Mdps;
using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>
/// Exact keys of permuted visit-distribution functions φ·f = Σ_t γ^t·P_φ·μ_t: two functions of γ are equal iff their keys
/// are, so a key lookup decides "φ·f' ∈ X" for every γ at once (docs/theory.md §5.3).
/// </summary>
/// <remarks>
/// <para>Deterministic MDP: f is the trajectory x_0 … x_{m−1} up to its first repeated state plus the index k where its
/// cycle starts; φ·f is the trajectory φ(x_0) … φ(x_{m−1}) with the same k (φ is a bijection, so the first repeat stays
/// at the same place), and two such path-to-cycle functions are equal iff trajectory and k agree.</para>
/// <para>Stochastic MDP: P_φ·μ'_t is the t-step distribution of the chain of f' conjugated by φ (dimension |C'|), and
/// ν_t that of g (dimension |C|), so the difference of the two sequences is a fixed linear read-out of a linear recurrence
/// of dimension ≤ |C'| + |C|; by Cayley–Hamilton it vanishes for all t once it vanishes for t &lt; |C'| + |C|. The
/// caller passes a step count at least that large. Probabilities are doubles, i.e. dyadic rationals p = m·2^−e, so
/// μ_t·2^{tD} (D the largest e of the MDP) is computed exactly in big integers and written out entry by entry.</para>
/// </remarks>
internal static class ExactVisitKey
{
    /// <summary>The key of φ·f with <paramref name="steps"/> exact steps on stochastic MDPs (ignored on deterministic ones).</summary>
    public static string Of(VisitDistributionFunction f, Permutation phi, int steps)
    {
        if (f.Trajectory is { } trajectory)
        {
            var sb = new StringBuilder("d");
            foreach (int x in trajectory) sb.Append(phi[x]).Append(',');
            return sb.Append('|').Append(f.CycleStart).ToString();
        }
        var mu = Steps(f.Mdp, f.Start, f.Policy.ActionSpan, steps);
        var text = new StringBuilder("s");
        var entries = new List<(int State, BigInteger Value)>();
        foreach (var step in mu)
        {
            entries.Clear();
            for (int x = 0; x < step.Length; x++)
                if (!step[x].IsZero) entries.Add((phi[x], step[x]));
            entries.Sort((a, b) => a.State.CompareTo(b.State));
            foreach (var (state, value) in entries) text.Append(state).Append(':').Append(value.ToString("x")).Append(',');
            text.Append('|');
        }
        return text.ToString();
    }

    /// <summary>μ_0 … μ_{steps−1} of the policy's chain from <paramref name="start"/>, as exact numerators over 2^{tD}.</summary>
    public static BigInteger[][] Steps(Mdp mdp, int start, ReadOnlySpan<int> actions, int steps)
    {
        int n = mdp.StateCount;
        int scale = 0;
        foreach (double p in mdp.AllProbabilities) scale = Math.Max(scale, BinaryExponent(p));
        var probabilities = mdp.AllProbabilities;
        var numerators = new BigInteger[probabilities.Length];
        for (int k = 0; k < numerators.Length; k++) numerators[k] = Scaled(probabilities[k], scale);
        var result = new BigInteger[steps][];
        var mu = new BigInteger[n];
        mu[start] = BigInteger.One;
        for (int t = 0; t < steps; t++)
        {
            result[t] = mu;
            var next = new BigInteger[n];
            for (int x = 0; x < n; x++)
            {
                if (mu[x].IsZero) continue;
                int sa = mdp.FirstStateAction(x) + actions[x];
                int row = mdp.TransitionOffsets[sa];
                var successors = mdp.Successors(sa);
                for (int j = 0; j < successors.Length; j++) next[successors[j]] += mu[x] * numerators[row + j];
            }
            mu = next;
        }
        return result;
    }

    /// <summary>The smallest D ≥ 0 with p·2^D an integer (p a finite non-negative double).</summary>
    private static int BinaryExponent(double p)
    {
        if (p == 0) return 0;
        var (mantissa, e) = Decompose(p);
        return Math.Max(0, -e);
    }

    private static BigInteger Scaled(double p, int scale)
    {
        if (p == 0) return BigInteger.Zero;
        var (mantissa, e) = Decompose(p);
        e += scale; // p·2^scale = mantissa·2^e, an integer since scale ≥ −e
        return e >= 0 ? new BigInteger(mantissa) << e : new BigInteger(mantissa) >> -e;
    }

    /// <summary>p = mantissa·2^e with an odd mantissa.</summary>
    private static (long Mantissa, int Exponent) Decompose(double p)
    {
        long bits = BitConverter.DoubleToInt64Bits(p);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        int e = exponent - 1075;
        while ((mantissa & 1) == 0) { mantissa >>= 1; e++; }
        return (mantissa, e);
    }
}
