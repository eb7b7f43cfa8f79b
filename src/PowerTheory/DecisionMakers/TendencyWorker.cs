using PowerTheory.Solvers;
using PowerTheory.MonteCarlo;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// One worker thread of a tendency run: per sample it draws R from the block's generator (exactly as the POWER engine
/// does), asks every decision-maker for π = pol(R,γ) with a generator derived from (seed, sample), and records the
/// action probabilities, the avoidance probability and POWER^pol. Group 0 is the optimal agent and group 1 the random
/// one, so every other group's paired differences from them can be formed sample by sample.
/// </summary>
internal sealed class TendencyWorker : IDisposable
{
    /// <summary>Separates the decision-makers' per-sample streams from the reward streams.</summary>
    private const ulong DecisionSalt = 0x5DEECE66D1CE4E5BUL;

    private readonly TendencyRun _run;
    private readonly PolicyChooser[] _choosers;
    private readonly double[] _r;
    private readonly double[][] _policies;
    private readonly double[][] _x;
    private readonly PolicyFigures[] _figures;
    private readonly double[] _values;

    public TendencyWorker(TendencyRun run)
    {
        _run = run;
        _choosers = run.Factories.Select(f => f()).ToArray();
        _r = new double[run.Mdp.StateCount];
        _policies = run.Factories.Select(_ => new double[run.Mdp.StateActionCount]).ToArray();
        _x = run.Factories.Select(_ => new double[Math.Max(1, run.Layout.Moments)]).ToArray();
        // One evaluator per decision-maker, so a policy that repeats from sample to sample (the random agent) keeps its
        // factorisation or its long-run decomposition.
        _figures = run.Factories.Select(_ => new PolicyFigures(run.Mdp, run.Gamma)).ToArray();
        _values = new double[run.Mdp.StateCount];
    }

    /// <summary>The seed of the per-sample decision streams of a run with seed <paramref name="seed"/>.</summary>
    public static ulong DecisionSeed(ulong seed) => BlockRandom.Mix(seed ^ DecisionSalt);

    public void RunBlock(long block, int first, int count, BlockPartialSums sums)
    {
        var run = _run;
        var mdp = run.Mdp;
        var layout = run.Layout;
        var rng = BlockRandom.ForBlock(run.Options.Seed, block);
        ulong decisionSeed = DecisionSeed(run.Options.Seed);
        sums.Reset(count);
        for (int i = 0; i < count; i++)
        {
            run.Rewards.Sample(rng, _r);
            for (int s = 0; s < _r.Length; s++)
                if (!double.IsFinite(_r[s]))
                    throw new InvalidOperationException($"the reward distribution produced a non-finite reward {_r[s]} for state '{mdp.StateNames[s]}'.");
            MonteCarloLimits.Check(mdp, _r);
            for (int g = 0; g < _choosers.Length; g++)
            {
                var policy = _policies[g];
                bool exact = _choosers[g].Choose(_r, BlockRandom.ForBlock(decisionSeed, first + i), policy);
                run.CheckPolicy(g, policy);
                if (!exact) sums.Counts[g][0]++;
                Record(g, policy);
            }
            for (int g = 0; g < _choosers.Length; g++)
            {
                var x = _x[g];
                for (int a = 0; a < layout.Actions; a++)
                {
                    x[layout.ActionVersusOptimal(a)] = x[layout.Action(a)] - _x[0][layout.Action(a)];
                    x[layout.ActionVersusRandom(a)] = x[layout.Action(a)] - _x[1][layout.Action(a)];
                }
                if (layout.HasAvoid)
                {
                    x[layout.AvoidVersusOptimal] = x[layout.Avoid] - _x[0][layout.Avoid];
                    x[layout.AvoidVersusRandom] = x[layout.Avoid] - _x[1][layout.Avoid];
                }
                sums.Add(g, x, i == 0);
            }
        }
    }

    private void Record(int g, double[] policy)
    {
        var run = _run;
        var mdp = run.Mdp;
        var layout = run.Layout;
        var x = _x[g];
        int state = run.State, firstAction = mdp.FirstStateAction(state);
        for (int a = 0; a < layout.Actions; a++) x[layout.Action(a)] = policy[firstAction + a];
        double gamma = run.Gamma;
        if (layout.HasAvoid) x[layout.Avoid] = Math.Clamp(1 - _figures[g].LongRunMass(policy, state, run.Avoid), 0, 1);
        if (layout.PowerStates == 0) return;
        var values = _values;
        if (gamma == 0) _r.CopyTo(values, 0);
        else if (gamma == 1) _figures[g].Gains(policy, _r, values);
        else _figures[g].Values(policy, _r, values);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (gamma == 1)
            {
                x[layout.Power(s)] = values[s];
                continue;
            }
            double next = 0;
            int f = mdp.FirstStateAction(s);
            for (int a = 0; a < mdp.ActionCount(s); a++)
                if (policy[f + a] != 0) next += policy[f + a] * mdp.ExpectedValue(f + a, values);
            x[layout.Power(s)] = gamma == 0 ? next : (1 - gamma) * next;
        }
    }

    public void Dispose()
    {
        foreach (var c in _choosers) (c as IDisposable)?.Dispose();
    }
}
