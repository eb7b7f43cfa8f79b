using PowerTheory.Mdps;
using PowerTheory.Rewards;

namespace PowerTheory.Power;

/// <summary>
/// The control covariates of POWER and their exact means (docs/power.md, "Control variates"). For state s and one
/// reward sample, with Y(s') = R(s') − L (L the lowest lower bound of the laws) and d₁(s,s') the fewest steps (at least
/// one) from s to s' along transitions of positive probability:
/// <list type="bullet">
/// <item>c₁(s) = max_{s'} γ^{d₁(s,s')−1}·Y(s'), the discounted best reachable reward (weights 1 at γ = 1; at γ = 0 only
/// the successors count). Its mean is a one-dimensional integral (<see cref="WeightedMaximumMean"/>) over the
/// independent draws, tied states counted once at their nearest member;</item>
/// <item>c₂(s) = R(s), of mean E[R(s)].</item>
/// </list>
/// For a comparison of actions a, b at s the covariates of E POWER after a are E_{s'~T(s,a)} c(s'), of mean
/// E_{s'~T(s,a)} E[c(s')], and those of the difference their difference. Per sample c₁ of every state comes from one
/// pass: B(s) = max(Y(s), γ·max_{s'∈succ(s)} B(s')) = max_{s'} γ^{d(s,s')}Y(s') by a Dijkstra-type sweep that merges
/// the states sorted by Y with a FIFO queue (whose values never increase, so no heap is needed), then
/// c₁(s) = max_{s'∈succ(s)} B(s').
/// </summary>
internal sealed class ControlVariatePlan
{
    /// <summary>Covariates per quantity.</summary>
    public const int Count = 2;

    /// <summary>The covariates' names, for reports.</summary>
    public static readonly IReadOnlyList<string> Names = ["best-reachable-reward", "own-reward"];

    private readonly int[] _succStart, _succ, _predStart, _pred;

    private ControlVariatePlan(Mdp mdp, RewardDistribution rewards, double shift)
    {
        Shift = shift;
        int n = mdp.StateCount;
        var succ = new List<int>[n];
        for (int s = 0; s < n; s++)
        {
            var set = new SortedSet<int>();
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                int sa = mdp.FirstStateAction(s) + a;
                var to = mdp.Successors(sa);
                var p = mdp.Probabilities(sa);
                for (int k = 0; k < to.Length; k++) if (p[k] > 0) set.Add(to[k]);
            }
            succ[s] = set.ToList();
        }
        (_succStart, _succ) = Csr(succ);
        var pred = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (int s = 0; s < n; s++) foreach (int t in succ[s]) pred[t].Add(s);
        (_predStart, _pred) = Csr(pred);
    }

    /// <summary>L, the lowest lower bound of the laws.</summary>
    public double Shift { get; }

    /// <summary>Per γ, the exact mean of every state's covariates: [state·K + j].</summary>
    public double[][] StateMeans { get; private init; } = [];

    /// <summary>A plan for <paramref name="mdp"/> under <paramref name="rewards"/> at <paramref name="gammas"/>, or null
    /// with the reason when the means are unknown (a user sampler; an unbounded law).</summary>
    public static ControlVariatePlan? TryCreate(Mdp mdp, RewardDistribution rewards, double[] gammas, out string? reason)
    {
        int n = mdp.StateCount;
        if (!rewards.HasQuantiles(n) || !rewards.IsBounded)
        {
            reason = $"the reward distribution '{rewards.Spec}' has no known bounded law per state, so the covariates' means are unknown";
            return null;
        }
        var laws = Enumerable.Range(0, n).Select(s => rewards.Coordinate(s)!.Value).ToArray();
        double shift = laws.Min(l => l.Law.Lower);
        var plan = new ControlVariatePlan(mdp, rewards, shift) { StateMeans = gammas.Select(_ => new double[n * Count]).ToArray() };
        var dist = new int[n];
        var nearest = new int[n];
        var queue = new int[n];
        for (int s = 0; s < n; s++)
        {
            // d₁(s, ·) by breadth-first search from s's successors; each draw at its nearest member.
            Array.Fill(dist, -1);
            Array.Fill(nearest, int.MaxValue);
            int head = 0, tail = 0;
            for (int k = plan._succStart[s]; k < plan._succStart[s + 1]; k++)
            {
                int t = plan._succ[k];
                if (dist[t] < 0) { dist[t] = 1; queue[tail++] = t; }
            }
            while (head < tail)
            {
                int u = queue[head++];
                int from = laws[u].DrawnFrom;
                nearest[from] = Math.Min(nearest[from], dist[u]);
                for (int k = plan._succStart[u]; k < plan._succStart[u + 1]; k++)
                {
                    int t = plan._succ[k];
                    if (dist[t] < 0) { dist[t] = dist[u] + 1; queue[tail++] = t; }
                }
            }
            var groups = new Dictionary<(ScalarDistribution, int), int>();
            for (int u = 0; u < n; u++)
                if (nearest[u] != int.MaxValue)
                {
                    var key = (laws[u].Law, nearest[u]);
                    groups[key] = groups.GetValueOrDefault(key) + 1;
                }
            for (int g = 0; g < gammas.Length; g++)
            {
                double gamma = gammas[g];
                var terms = groups.Select(kv => new WeightedMaximumMean.Term(kv.Key.Item1,
                    gamma == 0 ? (kv.Key.Item2 == 1 ? 1 : 0) : Math.Pow(gamma, kv.Key.Item2 - 1), kv.Value)).ToArray();
                plan.StateMeans[g][s * Count] = WeightedMaximumMean.Compute(terms, shift);
                plan.StateMeans[g][s * Count + 1] = rewards.MeanOf(s)!.Value;
            }
        }
        reason = null;
        return plan;
    }

    /// <summary>Per-worker scratch for <see cref="Compute"/>.</summary>
    public sealed class Scratch(int states, int edges)
    {
        public readonly double[] Key = new double[states];
        public readonly int[] Order = new int[states];
        public readonly double[] Best = new double[states];
        public readonly bool[] Done = new bool[states];
        public readonly int[] Queue = new int[states + edges];
        public readonly double[] QueueValue = new double[states + edges];
    }

    public Scratch NewScratch() => new(_succStart.Length - 1, _pred.Length);

    /// <summary>c₁(s) of every state for reward <paramref name="r"/> at <paramref name="gamma"/> into
    /// <paramref name="c1"/>.</summary>
    public void Compute(double gamma, ReadOnlySpan<double> r, Span<double> c1, Scratch x)
    {
        int n = r.Length;
        var best = x.Best;
        if (gamma == 0)
        {
            for (int s = 0; s < n; s++) best[s] = r[s] - Shift;
        }
        else
        {
            for (int s = 0; s < n; s++)
            {
                x.Order[s] = s;
                x.Key[s] = -(r[s] - Shift);
                x.Done[s] = false;
            }
            Array.Sort(x.Key, x.Order);
            int next = 0, head = 0, tail = 0, done = 0;
            while (done < n)
            {
                int s;
                double v;
                bool fromQueue = head < tail && (next >= n || x.QueueValue[head] >= -x.Key[next]);
                if (fromQueue) { s = x.Queue[head]; v = x.QueueValue[head++]; }
                else { s = x.Order[next]; v = -x.Key[next++]; }
                if (x.Done[s]) continue;
                x.Done[s] = true;
                best[s] = v;
                done++;
                double pushed = gamma * v;
                for (int k = _predStart[s]; k < _predStart[s + 1]; k++)
                {
                    int p = _pred[k];
                    if (x.Done[p]) continue;
                    x.Queue[tail] = p;
                    x.QueueValue[tail++] = pushed;
                }
            }
        }
        for (int s = 0; s < n; s++)
        {
            double m = 0;
            for (int k = _succStart[s]; k < _succStart[s + 1]; k++) m = Math.Max(m, best[_succ[k]]);
            c1[s] = m;
        }
    }

    private static (int[] Start, int[] Items) Csr(List<int>[] lists)
    {
        var start = new int[lists.Length + 1];
        for (int i = 0; i < lists.Length; i++) start[i + 1] = start[i] + lists[i].Count;
        var items = new int[start[^1]];
        for (int i = 0; i < lists.Length; i++) lists[i].CopyTo(items, start[i]);
        return (start, items);
    }
}
