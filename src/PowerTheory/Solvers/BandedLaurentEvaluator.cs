using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// <see cref="LaurentEvaluator"/> on a stochastic MDP by banded factorisations in the reverse Cuthill–McKee order of
/// <see cref="BandOrdering"/> (restricted to each block, a band never wider than the whole MDP's). On a recurrent class C
/// with A = I − P_CC (singular, kernel 𝟙):
/// <list type="bullet">
/// <item>the stationary distribution solves Aᵀμ̃ = 0 with the last row replaced by μ̃_k = 1, then μ = μ̃/Σμ̃ (the other
/// equations leave μ̃ in the one-dimensional kernel of Aᵀ);</item>
/// <item>a solvable system Ay = b (μ·b = 0) is solved with row k replaced by z_k = 0, k the state of largest μ_k — the
/// dropped equation then holds automatically, since μ·(Az − b) = 0 and μ_k &gt; 0 — and y = z − (μ·z)𝟙 gives μ·y = 0.</item>
/// </list>
/// Both modified matrices are diagonally dominant M-matrices (by columns for the first, weakly chained by rows for the
/// second), as is I − P_TT on the transient states, so elimination without pivoting is stable (<see cref="BandedMatrix"/>).
/// O(|C|·b²) per policy and O(|C|·b) per solve instead of the dense O(|C|³) and O(|C|²) (docs/performance.md).
/// </summary>
internal sealed class BandedLaurentEvaluator(Mdp mdp, BandOrdering ordering) : RecurrentClassLaurentEvaluator(mdp)
{
    private readonly int[] _position = ordering.Position;
    private readonly List<BandedMatrix> _classSystems = [];
    private readonly List<int> _references = [];
    private BandedMatrix? _transientSystem;

    protected override int[] Order(List<int> block) => block.OrderBy(s => _position[s]).ToArray();

    /// <summary>I − P restricted to a block, in local (band) order; transposed when asked.</summary>
    private BandedMatrix Block(int[] states, bool transposed)
    {
        int lower = 0, upper = 0, block = ClassOf[states[0]];
        foreach (int s in states)
            foreach (int t in Mdp.Successors(Policy[s]))
                if (ClassOf[t] == block)
                {
                    lower = Math.Max(lower, Local[s] - Local[t]);
                    upper = Math.Max(upper, Local[t] - Local[s]);
                }
        var a = transposed ? new BandedMatrix(states.Length, upper, lower) : new BandedMatrix(states.Length, lower, upper);
        for (int i = 0; i < states.Length; i++)
        {
            a.Add(i, i, 1.0);
            var succ = Mdp.Successors(Policy[states[i]]);
            var prob = Mdp.Probabilities(Policy[states[i]]);
            for (int k = 0; k < succ.Length; k++)
            {
                if (ClassOf[succ[k]] != block) continue;
                int j = Local[succ[k]];
                if (transposed) a.Add(j, i, -prob[k]);
                else a.Add(i, j, -prob[k]);
            }
        }
        return a;
    }

    protected override double[] FactorClass(int index, int[] states)
    {
        if (index == 0)
        {
            _classSystems.Clear();
            _references.Clear();
        }
        int m = states.Length, last = m - 1;
        var transposed = Block(states, transposed: true);
        transposed.ClearRow(last);
        transposed.Add(last, last, 1.0);
        transposed.Factor();
        var mu = new double[m];
        mu[last] = 1;
        transposed.Solve(mu);
        double total = mu.Sum();
        for (int i = 0; i < m; i++) mu[i] /= total;
        // The reference of the solves: the state of largest stationary probability (the recovery divides by μ_k).
        int reference = Array.IndexOf(mu, mu.Max());
        var system = Block(states, transposed: false);
        system.ClearRow(reference);
        system.Add(reference, reference, 1.0);
        system.Factor();
        _classSystems.Add(system);
        _references.Add(reference);
        return mu;
    }

    protected override void FactorTransient(int[] transient)
    {
        _transientSystem = Block(transient, transposed: false);
        _transientSystem.Factor();
    }

    protected override void SolveClass(int index, Span<double> x)
    {
        x[_references[index]] = 0; // the reference equation z_k = 0
        _classSystems[index].Solve(x);
        var mu = Stationary(index);
        double shift = 0;
        for (int i = 0; i < x.Length; i++) shift += mu[i] * x[i];
        for (int i = 0; i < x.Length; i++) x[i] -= shift;
    }

    protected override void SolveTransientSystem(Span<double> x) => _transientSystem!.Solve(x);
}
