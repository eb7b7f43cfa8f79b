using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// One reward vector at γ ∈ (0,1), exactly: the warm start and Howard's loop of <see cref="HowardIteration"/> with the
/// evaluator suited to the MDP, then W(s) = (1−γ)·max_a E_a V*(s), Q*(s,a) = r(s) + γ·E_a V*(s) and the optimal
/// actions by <see cref="DiscountedTieRule"/>. Allocation-free per solve with the functional-graph and dense evaluators.
/// </summary>
internal sealed class DiscountedRewardSolver : IRewardSolver
{
    private readonly Mdp _mdp;
    private readonly double _gamma;
    private readonly double _tieTolerance;
    private readonly HowardIteration _howard;
    private readonly double[] _stateScore;
    private readonly double[] _actionScore;

    public DiscountedRewardSolver(Mdp mdp, double gamma, double tieTolerance)
    {
        _mdp = mdp;
        _gamma = gamma;
        _tieTolerance = tieTolerance;
        _howard = new HowardIteration(mdp, gamma);
        _stateScore = new double[mdp.StateCount];
        _actionScore = new double[mdp.StateActionCount];
    }

    /// <summary>The optimal policy of the last solve (global state-action per state).</summary>
    public ReadOnlySpan<int> Policy => _howard.Policy;

    /// <summary>The improvement steps of the last solve.</summary>
    public int LastImprovements => _howard.Improvements;

    public void Reset() => _howard.Evaluator.Forget();

    /// <summary>Finds an optimal policy for r (<see cref="Policy"/>) and its values, without the outputs.</summary>
    public void Optimise(ReadOnlySpan<double> r)
    {
        _howard.WarmStart(r, _howard.Evaluator.WarmStartSweeps);
        _howard.Iterate(r);
    }

    public void Solve(ReadOnlySpan<double> r, Span<double> futureValues, Span<bool> optimalActions)
    {
        SolveScores(r, futureValues, _stateScore, _actionScore);
        DiscountedTieRule.Mark(_mdp, _gamma, _tieTolerance, r, _stateScore, _actionScore, optimalActions);
    }

    /// <summary>Solves r and also returns V* (<paramref name="stateValues"/>, = max(V^π, max_a Q) so that
    /// V*(s) = max_a Q*(s,a) holds literally) and Q* (<paramref name="actionValues"/>).</summary>
    
    public void SolveScores(ReadOnlySpan<double> r, Span<double> futureValues, Span<double> stateValues, Span<double> actionValues)
    {
        Optimise(r);
        var v = _howard.Values;
        var offsets = _mdp.StateActionOffsets;
        for (int s = 0; s < _mdp.StateCount; s++)
        {
            double bestNext = double.NegativeInfinity;
            for (int sa = offsets[s]; sa < offsets[s + 1]; sa++)
            {
                double e = _howard.Backup.Expected(sa, v);
                actionValues[sa] = r[s] + _gamma * e;
                if (e > bestNext) bestNext = e;
            }
            stateValues[s] = Math.Max(v[s], r[s] + _gamma * bestNext);
            futureValues[s] = (1 - _gamma) * bestNext;
        }
    }
}
