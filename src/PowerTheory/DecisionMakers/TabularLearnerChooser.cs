namespace PowerTheory.DecisionMakers;

/// <summary>One thread's Q-learning / SARSA trainer (see <see cref="TabularLearnerDecisionMaker"/>).</summary>
internal sealed class TabularLearnerChooser(DecisionContext context, bool sarsa, int episodes, int steps, double alpha,
    double epsilonStart, double epsilonEnd) : PolicyChooser
{
    private readonly double[] _q = new double[context.Mdp.StateActionCount];

    public override bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy)
    {
        var mdp = context.Mdp;
        double gamma = context.Gamma;
        Array.Clear(_q);
        for (int e = 0; e < episodes; e++)
        {
            double eps = episodes == 1 ? epsilonStart : epsilonStart + (epsilonEnd - epsilonStart) * e / (episodes - 1);
            int s = context.StartState;
            int a = Act(s, eps, random);
            for (int t = 0; t < steps; t++)
            {
                int sa = mdp.FirstStateAction(s) + a;
                int next = Next(sa, random);
                int nextAction = Act(next, eps, random);
                int firstNext = mdp.FirstStateAction(next);
                double bootstrap = sarsa ? _q[firstNext + nextAction] : Max(next);
                _q[sa] += alpha * (rewards[s] + gamma * bootstrap - _q[sa]);
                s = next;
                a = nextAction;
            }
        }
        PolicyRows.Greedy(mdp, _q, 0, policy);
        return true;
    }

    private double Max(int s)
    {
        int first = context.Mdp.FirstStateAction(s), k = context.Mdp.ActionCount(s);
        double best = _q[first];
        for (int a = 1; a < k; a++) best = Math.Max(best, _q[first + a]);
        return best;
    }

    /// <summary>ε-greedy: with probability ε a uniform action, else a greedy one (ties uniformly).</summary>
    private int Act(int s, double eps, Random random)
    {
        int first = context.Mdp.FirstStateAction(s), k = context.Mdp.ActionCount(s);
        if (random.NextDouble() < eps) return random.Next(k);
        double best = Max(s);
        int ties = 0;
        for (int a = 0; a < k; a++) if (_q[first + a] == best) ties++;
        int pick = ties == 1 ? 0 : random.Next(ties);
        for (int a = 0; a < k; a++) if (_q[first + a] == best && pick-- == 0) return a;
        return 0;
    }

    private int Next(int sa, Random random)
    {
        var succ = context.Mdp.Successors(sa);
        if (succ.Length == 1) return succ[0];
        var prob = context.Mdp.Probabilities(sa);
        double u = random.NextDouble();
        for (int i = 0; i < succ.Length - 1; i++)
        {
            u -= prob[i];
            if (u < 0) return succ[i];
        }
        return succ[^1];
    }
}
