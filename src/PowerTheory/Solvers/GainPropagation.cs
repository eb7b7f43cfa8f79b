using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// A global gain-improvement step for <see cref="BlackwellPolicyIteration"/> (docs/theory.md §1.1): after the order −1
/// comparison finds an improvement, Gauss–Seidel sweeps of the max-reachability operator
/// v(s) ← max_a Σ_{s′} P(s′|s,a)·v(s′), started from the policy's gain v = g^π, carry a better gain across a whole basin
/// in one step, and each state whose value rose takes the action that raised it.
/// </summary>
/// <remarks>
/// <para>Why: the plain improvement step switches only the states next to a higher gain (inside the basin of a local
/// maximum every neighbour has the same gain), so a basin of width w took w evaluations — O(|S|²) on a long chain. Since
/// g^π = P_π g^π ≤ max_a T_a g^π, the sweeps increase v monotonically and never above g*, and one forward and one
/// backward sweep carry the gain along a chain of any length.</para>
/// <para>The propagated policy is a heuristic: it is accepted only when its evaluated gain is at least the old gain
/// everywhere and higher somewhere (beyond the tie tolerance). Otherwise the plain step it replaced is taken, which the
/// multichain policy-iteration theorem guarantees to improve, and propagation stops for the rest of the solve; after
/// <see cref="MaxKept"/> accepted propagations it stops too. So the iteration keeps its termination and exactness
/// argument; propagation only changes how many evaluations it needs.</para>
/// </remarks>
internal sealed class GainPropagation
{
    /// <summary>Accepted propagations per solve, after which only plain steps are taken.</summary>
    public const int MaxKept = 64;

    /// <summary>Forward-and-backward sweep pairs per propagation.</summary>
    public const int MaxSweepPairs = 64;

    /// <summary>A rise of v above this fraction of max|r| keeps the sweeps going even when no action changed.</summary>
    private const double SignificantRise = 1e-4;

    private readonly Mdp _mdp;
    private readonly int[] _rowClass;
    private readonly int[] _offsets;
    private readonly double[] _values;
    private readonly double[] _before;
    private readonly int[] _plainPolicy;
    private bool _enabled;
    private bool _awaitingCheck;

    /// <summary>Propagation for <paramref name="mdp"/>, sharing the iteration's tables: <paramref name="offsets"/> (the
    /// first state-action of each state, and the total at the end) and <paramref name="rowClass"/>
    /// (<see cref="TransitionRowClasses.Of"/>).</summary>
    public GainPropagation(Mdp mdp, int[] offsets, int[] rowClass)
    {
        _mdp = mdp;
        _rowClass = rowClass;
        _offsets = offsets;
        _values = new double[mdp.StateCount];
        _before = new double[mdp.StateCount];
        _plainPolicy = new int[mdp.StateCount];
    }

    /// <summary>Accepted propagations since <see cref="Start"/>.</summary>
    public int Kept { get; private set; }

    /// <summary>Enables propagation for a new solve.</summary>
    public void Start()
    {
        _enabled = true;
        _awaitingCheck = false;
        Kept = 0;
    }

    /// <summary>
    /// Called after a plain order −1 step has switched <paramref name="policy"/>; <paramref name="gain"/> is the gain of
    /// the policy before that switch. Replaces <paramref name="policy"/> by the propagated one (remembering the plain one).
    /// </summary>
    public void Propagate(ReadOnlySpan<double> gain, double tolerance, Span<int> policy)
    {
        if (!_enabled) return;
        int n = _values.Length;
        gain.CopyTo(_values);
        gain.CopyTo(_before);
        policy.CopyTo(_plainPolicy);
        double significant = SignificantRise * VectorNorms.MaxAbs(gain);
        bool anyChange = false;
        for (int pair = 0; pair < MaxSweepPairs; pair++)
        {
            SolveCancellation.ThrowIfRequested();
            bool changed = false;
            for (int s = 0; s < n; s++) changed |= Relax(s, tolerance, significant, policy, ref anyChange);
            for (int s = n - 1; s >= 0; s--) changed |= Relax(s, tolerance, significant, policy, ref anyChange);
            if (!changed) break;
        }
        _awaitingCheck = anyChange;
    }

    /// <summary>
    /// Called with the evaluated gain of the policy <see cref="Propagate"/> left. When it is not an improvement over the
    /// gain before the step, restores the plain step's policy, disables propagation and returns true (the caller must
    /// evaluate again).
    /// </summary>
    public bool Rejects(ReadOnlySpan<double> gain, double tolerance, Span<int> policy)
    {
        if (!_awaitingCheck) return false;
        _awaitingCheck = false;
        bool higher = false;
        for (int s = 0; s < gain.Length; s++)
        {
            if (gain[s] < _before[s] - tolerance)
            {
                higher = false;
                break;
            }
            if (gain[s] > _before[s] + tolerance) higher = true;
        }
        if (higher)
        {
            if (++Kept >= MaxKept) _enabled = false;
            return false;
        }
        _plainPolicy.CopyTo(policy);
        _enabled = false;
        return true;
    }

    private bool Relax(int s, double tolerance, double significant, Span<int> policy, ref bool anyChange)
    {
        double best = double.NegativeInfinity, ofPolicy = double.NegativeInfinity;
        int argBest = -1;
        for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++)
        {
            double x = SelfLoopSolvedValue(s, sa);
            if (sa == policy[s]) ofPolicy = x;
            if (x > best)
            {
                best = x;
                argBest = sa;
            }
        }
        double rise = best - _values[s];
        if (rise <= tolerance) return false;
        _values[s] = best;
        bool actionChanged = false;
        if (_rowClass[argBest] != _rowClass[policy[s]] && ofPolicy < best - tolerance)
        {
            policy[s] = argBest;
            actionChanged = true;
            anyChange = true;
        }
        return actionChanged || rise > significant;
    }

    /// <summary>Σ_{s′} P(s′|s,a)·v(s′) with v(s) solved out of a self-loop: the fixed point x = p·x + Σ_{s′≠s} P(s′|s,a)·v(s′)
    /// of repeated updates of s alone, so that a loop with probability p does not slow the sweep by a factor 1 − p per
    /// state. A sure self-loop keeps v(s).</summary>
    private double SelfLoopSolvedValue(int s, int sa)
    {
        var successors = _mdp.Successors(sa);
        var probabilities = _mdp.Probabilities(sa);
        double stay = 0, elsewhere = 0;
        for (int k = 0; k < successors.Length; k++)
        {
            if (successors[k] == s) stay += probabilities[k];
            else elsewhere += probabilities[k] * _values[successors[k]];
        }
        if (stay == 0) return elsewhere;
        double leave = 1 - stay;
        return leave <= 1e-12 ? _values[s] : elsewhere / leave;
    }
}
