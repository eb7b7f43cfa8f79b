using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// <see cref="LaurentEvaluator"/> on a stochastic MDP by dense LU factorisations (MathNet). On a class C with stationary
/// distribution μ (μ(I − P_CC + 𝟙𝟙ᵀ) = 𝟙ᵀ), the solution of (I−P)y = b with μ·y = 0 is the solution of the non-singular
/// system (I − P_CC + 𝟙μᵀ)y = b (Kemeny and Snell's fundamental matrix); the transient states solve (I − P_TT) densely.
/// O(|C|³) per policy and O(|C|²) per solve; the class structure is <see cref="RecurrentClassLaurentEvaluator"/>'s.
/// </summary>
internal sealed class DenseLaurentEvaluator(Mdp mdp) : RecurrentClassLaurentEvaluator(mdp)
{
    private readonly List<LU<double>> _classLu = [];
    private LU<double>? _transientLu;

    /// <summary>I − P restricted to a block (rows and columns of the block's states, local order).</summary>
    private Matrix<double> Block(int[] states)
    {
        int m = states.Length;
        var a = Matrix<double>.Build.Dense(m, m);
        int block = ClassOf[states[0]];
        for (int i = 0; i < m; i++)
        {
            a[i, i] += 1;
            var succ = Mdp.Successors(Policy[states[i]]);
            var prob = Mdp.Probabilities(Policy[states[i]]);
            for (int k = 0; k < succ.Length; k++)
                if (ClassOf[succ[k]] == block) a[i, Local[succ[k]]] -= prob[k];
        }
        return a;
    }

    protected override double[] FactorClass(int index, int[] states)
    {
        if (index == 0) _classLu.Clear();
        int m = states.Length;
        var a = Block(states);
        // μ(I − P + 𝟙𝟙ᵀ) = 𝟙ᵀ, i.e. (I − P + 𝟙𝟙ᵀ)ᵀμ = 𝟙.
        var mu = a.Add(1.0).Transpose().LU().Solve(Vector<double>.Build.Dense(m, 1.0)).ToArray();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                a[i, j] += mu[j];
        _classLu.Add(a.LU());
        return mu;
    }

    protected override void FactorTransient(int[] transient) => _transientLu = Block(transient).LU();

    protected override void SolveClass(int index, Span<double> x) =>
        _classLu[index].Solve(Vector<double>.Build.DenseOfArray(x.ToArray())).ToArray().CopyTo(x);

    protected override void SolveTransientSystem(Span<double> x) =>
        _transientLu!.Solve(Vector<double>.Build.DenseOfArray(x.ToArray())).ToArray().CopyTo(x);
}
