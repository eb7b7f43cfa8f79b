using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The long-run (Cesàro) limit of a stationary stochastic policy's chain P_π(s,s′) = Σ_a π(a|s)·T(s′|s,a) (docs/theory.md
/// §1.1): P*_π = lim_{T→∞} (1/T)·Σ_{t&lt;T} P_π^t. On each closed communicating (recurrent) class C its stationary
/// distribution μ_C (μ_C·(P_CC − I) = 0, Σμ_C = 1); from a transient state the absorption probabilities b(s,C), which
/// solve (I − P_TT)·b(·,C) = P_{T,C}·1. Then P*(s,·) = Σ_C b(s,C)·μ_C and the gain g^π = P*_π·r is the γ → 1 limit of
/// (1−γ)·V^π. The chain is stored sparsely (CSR) and its classes are found on the sparse graph
/// (<see cref="RecurrentClasses"/>); μ_C and b come from the subtraction-free Grassmann–Taksar–Heyman reduction, which
/// keeps full relative accuracy on near-deterministic chains (a Boltzmann policy at a tiny temperature, exit
/// probabilities of 10⁻³⁰⁰) where an LU solve loses it. The reduction is dense within one class and within the
/// transient set, so each of those is limited to <see cref="MaxBlockStates"/> states (a clear refusal above). For a
/// deterministic policy the kernel's <see cref="LaurentEvaluator"/> gives the gain at any size.
/// </summary>
internal sealed class PolicyLongRun
{
    /// <summary>The largest recurrent class or transient set the dense reduction accepts (2,000² doubles = 32 MB, and
    /// about 3·10⁹ operations per reduction).</summary>
    public const int MaxBlockStates = 2000;

    private readonly Mdp _mdp;
    private readonly int _n;
    private readonly int[] _rowStart;
    private readonly int[] _cols;
    private readonly double[] _vals;
    private List<int[]>? _classes;
    private List<double[]>? _stationary;
    private int[]? _classOf;
    private int[]? _transientIndex;
    private double[,]? _absorption; // [transient index, class]

    /// <summary>The chain of <paramref name="policy"/> (π(a|s) per global state-action) on <paramref name="mdp"/>.</summary>
    public PolicyLongRun(Mdp mdp, ReadOnlySpan<double> policy)
    {
        _mdp = mdp;
        _n = mdp.StateCount;
        var rows = PolicyChainRows.Of(mdp, policy, keepTinyEdges: true);
        _rowStart = rows.RowStart;
        _cols = rows.Columns;
        _vals = rows.Values;
    }

    /// <summary>b(s, C) for state s and class c: 1 on the class itself, 0 on another class.</summary>
    private double Absorption(int s, int c) =>
        _classOf![s] >= 0 ? (_classOf[s] == c ? 1 : 0) : _absorption![_transientIndex![s], c];

    /// <summary>P*_π(s,·), the long-run distribution from <paramref name="state"/>.</summary>
    public double[] LimitRow(int state)
    {
        Decompose();
        var row = new double[_n];
        for (int c = 0; c < _classes!.Count; c++)
        {
            double b = Absorption(state, c);
            if (b == 0) continue;
            var members = _classes[c];
            for (int i = 0; i < members.Length; i++) row[members[i]] += b * _stationary![c][i];
        }
        return row;
    }

    /// <summary>The gain g^π = P*_π·r for every state.</summary>
    public double[] Gains(ReadOnlySpan<double> r)
    {
        Decompose();
        var classGain = new double[_classes!.Count];
        for (int c = 0; c < classGain.Length; c++)
            for (int i = 0; i < _classes[c].Length; i++) classGain[c] += _stationary![c][i] * r[_classes[c][i]];
        var g = new double[_n];
        for (int s = 0; s < _n; s++)
            for (int c = 0; c < classGain.Length; c++) g[s] += Absorption(s, c) * classGain[c];
        return g;
    }

    /// <summary>The largest dense block the reduction of this chain needs: its largest recurrent class or its set of
    /// transient states, whichever is larger, with what it is.</summary>
    public (int States, string What) LargestBlock()
    {
        var (classes, transient, _) = Blocks();
        int largestClass = classes.Length == 0 ? 0 : classes.Max(c => c.Count);
        return largestClass >= transient.Count ? (largestClass, "recurrent class") : (transient.Count, "set of transient states");
    }

    private (List<int>[] Classes, List<int> Transient, int[] ClassOf) Blocks()
    {
        var states = Enumerable.Range(0, _n).ToArray();
        var classOfState = new int[_n];
        int count = RecurrentClasses.Find(states, s => _cols.Skip(_rowStart[s]).Take(_rowStart[s + 1] - _rowStart[s]), classOfState);
        var classes = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        var transient = new List<int>();
        for (int s = 0; s < _n; s++)
            if (classOfState[s] >= 0) classes[classOfState[s]].Add(s);
            else transient.Add(s);
        return (classes, transient, classOfState);
    }

    private void Decompose()
    {
        if (_classes is not null) return;
        var (classes, transient, classOfState) = Blocks();
        int count = classes.Length;
        foreach (var members in classes) CheckBlock(members.Count, "recurrent class");
        CheckBlock(transient.Count, "set of transient states");
        _classes = classes.Select(c => c.ToArray()).ToList();
        _stationary = _classes.Select(Stationary).ToList();
        _classOf = classOfState;
        _transientIndex = new int[_n];
        Array.Fill(_transientIndex, -1);
        for (int i = 0; i < transient.Count; i++) _transientIndex[transient[i]] = i;
        _absorption = new double[transient.Count, count];
        if (transient.Count > 0) Absorb(transient.ToArray(), classOfState, count);
    }

    private void CheckBlock(int size, string what)
    {
        if (size > MaxBlockStates)
            throw new InvalidOperationException(
                $"the long-run distribution of a mixed policy on '{_mdp.Name ?? "the MDP"}' has a {what} of {size:N0} states; the exact " +
                $"subtraction-free reduction is dense there and handles at most {MaxBlockStates:N0}: use γ < 1 and no avoid " +
                "set for this MDP, or a smaller model.");
    }

    /// <summary>
    /// The absorption probabilities b(s, C) from the transient states, by state reduction without subtraction (the
    /// absorbing-chain form of the GTH reduction): every row is first divided by its probability of leaving (so
    /// self-loops within rounding of 1 drop out exactly), then transient states are eliminated one by one, each
    /// redistributing its row over the states still present, and b is recovered by back substitution — sums of
    /// non-negative terms and divisions only, so tiny exit probabilities keep their relative accuracy.
    /// </summary>
    private void Absorb(int[] transient, int[] classOfState, int classes)
    {
        int m = transient.Length, width = m + classes;
        var position = new Dictionary<int, int>();
        for (int i = 0; i < m; i++) position[transient[i]] = i;
        // w[i, j]: j < m a transient state, j ≥ m a class; the diagonal is never used.
        var w = new double[m, width];
        for (int i = 0; i < m; i++)
        {
            int s = transient[i];
            double leave = Leaving(s);
            for (int e = _rowStart[s]; e < _rowStart[s + 1]; e++)
            {
                int t = _cols[e];
                double p = _vals[e];
                if (p == 0 || t == s) continue;
                int j = classOfState[t] >= 0 ? m + classOfState[t] : position[t];
                w[i, j] += p / leave;
            }
        }
        for (int k = m - 1; k > 0; k--)
        {
            double leave = 0;
            for (int j = 0; j < k; j++) leave += w[k, j];
            for (int c = m; c < width; c++) leave += w[k, c];
            if (!(leave > 0)) leave = double.Epsilon; // only underflow can empty a transient row
            for (int i = 0; i < k; i++)
            {
                double via = w[i, k];
                if (via == 0) continue;
                double f = via / leave;
                w[i, k] = 0;
                for (int j = 0; j < k; j++)
                    if (j != i && w[k, j] != 0) w[i, j] += f * w[k, j];
                for (int c = m; c < width; c++)
                    if (w[k, c] != 0) w[i, c] += f * w[k, c];
            }
        }
        // Back substitution: state k's row now refers to states 0..k−1 and the classes only.
        var b = new double[m, classes];
        for (int k = 0; k < m; k++)
        {
            double total = 0;
            for (int j = 0; j < k; j++) total += w[k, j];
            for (int c = 0; c < classes; c++) total += w[k, m + c];
            if (!(total > 0)) total = double.Epsilon;
            for (int c = 0; c < classes; c++)
            {
                double x = w[k, m + c];
                for (int j = 0; j < k; j++)
                    if (w[k, j] != 0) x += w[k, j] * b[j, c];
                b[k, c] = Math.Min(1, x / total);
            }
        }
        for (int i = 0; i < m; i++)
            for (int c = 0; c < classes; c++) _absorption![i, c] = b[i, c];
    }

    /// <summary>
    /// The stationary distribution of one recurrent class by the Grassmann–Taksar–Heyman state reduction: states are
    /// eliminated one by one, each step dividing by the probability of leaving the eliminated state towards the
    /// remaining ones (a sum of positive entries, never 1 − P(s,s)), and updating with products and sums of non-negative
    /// numbers only. No subtraction happens, so a near-deterministic chain (a Boltzmann policy at a tiny temperature,
    /// leaving probabilities of 10⁻³⁰⁰) keeps full relative accuracy where an LU solve of μ(P − I) = 0 loses it.
    /// </summary>
    private double[] Stationary(int[] members)
    {
        int m = members.Length;
        if (m == 1) return [1.0];
        // Rows divided by their probability of leaving: the jump chain, whose stationary distribution μ_J gives
        // μ(i) ∝ μ_J(i) / leave(i); its entries are O(1) even when a row's exits are 10⁻³⁰⁰ (no denormal products).
        var q = new double[m, m];
        var leaving = new double[m];
        var local = new Dictionary<int, int>(m);
        for (int i = 0; i < m; i++) local[members[i]] = i;
        for (int i = 0; i < m; i++)
        {
            int s = members[i];
            leaving[i] = Leaving(s);
            for (int e = _rowStart[s]; e < _rowStart[s + 1]; e++)
                if (_cols[e] != s && local.TryGetValue(_cols[e], out int j)) q[i, j] = _vals[e] / leaving[i];
        }
        for (int k = m - 1; k > 0; k--)
        {
            double leave = 0;
            for (int j = 0; j < k; j++) leave += q[k, j];
            if (!(leave > 0))
            {
                // Only underflow can make it 0 in a class that the graph says is recurrent: the state is then, to double
                // precision, not left towards the others, so it keeps (almost) all the mass it receives.
                leave = double.Epsilon;
            }
            for (int i = 0; i < k; i++) q[i, k] /= leave;
            for (int i = 0; i < k; i++)
            {
                double via = q[i, k];
                if (via == 0) continue;
                for (int j = 0; j < k; j++)
                    if (i != j && q[k, j] != 0) q[i, j] += via * q[k, j];
            }
        }
        var mu = new double[m];
        mu[0] = 1;
        double total = 1;
        for (int k = 1; k < m; k++)
        {
            double x = 0;
            for (int i = 0; i < k; i++) x += mu[i] * q[i, k];
            mu[k] = x;
            total += x;
        }
        if (!double.IsFinite(total))
        {
            // Some masses overflowed (after the underflow guard above): they dominate every finite one, so the
            // distribution is shared among them.
            for (int k = 0; k < m; k++) mu[k] = double.IsPositiveInfinity(mu[k]) ? 1 : 0;
            total = mu.Sum();
        }
        // Back from the jump chain: μ(i) ∝ μ_J(i) / leave(i), normalised in a scale that cannot overflow.
        double scale = 0, minLeaving = leaving.Min();
        for (int k = 0; k < m; k++) scale = Math.Max(scale, mu[k] / total);
        var result = new double[m];
        double sum = 0;
        for (int k = 0; k < m; k++)
        {
            result[k] = mu[k] / total / scale * (minLeaving / leaving[k]); // both factors ≤ 1: no overflow
            sum += result[k];
        }
        for (int k = 0; k < m; k++) result[k] /= sum;
        return result;
    }

    /// <summary>Σ_{t≠s} P(s,t), the probability of leaving s in one step.</summary>
    private double Leaving(int s)
    {
        double sum = 0;
        for (int e = _rowStart[s]; e < _rowStart[s + 1]; e++) if (_cols[e] != s) sum += _vals[e];
        return sum;
    }
}
