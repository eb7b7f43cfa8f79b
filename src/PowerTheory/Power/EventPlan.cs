using PowerTheory.Mdps;
using PowerTheory.Visits;

namespace PowerTheory.Power;

/// <summary>A user event prepared for one γ: dense weight vectors (policy sets) or target data (EndsIn).</summary>
internal sealed class EventPlan
{
    public required OptimalityEvent Event { get; init; }
    public double[][]? Weights { get; init; }
    public bool[]? IsTarget { get; init; }
    public int[][]? SelfLoops { get; init; }

    public static EventPlan Create(Mdp mdp, OptimalityEvent e, double gamma)
    {
        int n = mdp.StateCount;
        if (e.Policies is { } policies)
        {
            var weights = new double[policies.Count][];
            for (int k = 0; k < policies.Count; k++)
            {
                var pi = policies[k];
                var w = new double[n];
                if (gamma == 0)
                {
                    int sa = mdp.FirstStateAction(e.State) + pi[e.State];
                    var succ = mdp.Successors(sa);
                    var prob = mdp.Probabilities(sa);
                    for (int j = 0; j < succ.Length; j++) w[succ[j]] += prob[j];
                }
                else if (gamma == 1)
                {
                    if (!mdp.IsDeterministic)
                        throw new NotSupportedException(
                            "policy-set optimality at γ = 1 (recurrent state distributions) is implemented for deterministic MDPs only; use γ < 1.");
                    var position = new int[n];
                    Array.Fill(position, -1);
                    int t = 0, x = e.State;
                    var path = new List<int>();
                    while (position[x] < 0)
                    {
                        position[x] = t++;
                        path.Add(x);
                        x = mdp.AllSuccessors[mdp.TransitionOffsets[mdp.FirstStateAction(x) + pi[x]]];
                    }
                    int cycleStart = position[x];
                    int length = t - cycleStart;
                    for (int i = cycleStart; i < t; i++) w[path[i]] = 1.0 / length;
                }
                else
                {
                    var f = VisitDistribution.Compute(mdp, pi, e.State, gamma);
                    for (int j = 0; j < n; j++) w[j] = f[j];
                }
                weights[k] = w;
            }
            return new EventPlan { Event = e, Weights = weights };
        }
        var isTarget = new bool[n];
        var loops = new int[n][];
        foreach (int t in e.Targets!)
        {
            isTarget[t] = true;
            var list = new List<int>();
            for (int sa = mdp.FirstStateAction(t); sa < mdp.FirstStateAction(t) + mdp.ActionCount(t); sa++)
            {
                var succ = mdp.Successors(sa);
                if (succ.Length == 1 && succ[0] == t) list.Add(sa);
            }
            loops[t] = list.ToArray();
        }
        return new EventPlan { Event = e, IsTarget = isTarget, SelfLoops = loops };
    }
}
