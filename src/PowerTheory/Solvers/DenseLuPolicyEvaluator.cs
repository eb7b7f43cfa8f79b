using MathNet.Numerics.Providers.LinearAlgebra;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// V^π on a small stochastic MDP by a dense LU factorisation of I − γT_π (MathNet's linear-algebra provider, in
/// preallocated buffers). The factorisation of the last policy is kept until <see cref="Forget"/>, so evaluating the
/// same policy again costs one triangular solve (the same matrix gives the same factorisation bit for bit, so the cache
/// cannot change results).
/// </summary>
internal sealed class DenseLuPolicyEvaluator : DiscountedPolicyEvaluator
{
    private readonly double[] _lu;
    private readonly int[] _pivots;
    private readonly int[] _factoredPolicy;
    private readonly double[] _solution;
    private bool _hasFactor;

    public DenseLuPolicyEvaluator(Mdp mdp, double gamma) : base(mdp, gamma)
    {
        int n = mdp.StateCount;
        _lu = new double[n * n];
        _pivots = new int[n];
        _factoredPolicy = new int[n];
        _solution = new double[n];
    }

    public override double RelativeRounding => 1e-11;

    /// <summary>40 sweeps: on Map20 with slip 0.1 this cut the time per sample 2.5–3× against 4 sweeps, since a sweep
    /// costs far less than one factorisation.</summary>
    public override int WarmStartSweeps => 40;

    public override void Forget() => _hasFactor = false;

    
    public override void Evaluate(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values)
    {
        int n = Mdp.StateCount;
        if (!_hasFactor || !policy[..n].SequenceEqual(_factoredPolicy))
        {
            // Column-major A = I − γT_π: A[s + n·t] −= γ·T(t|s,π(s)).
            Array.Clear(_lu);
            for (int s = 0; s < n; s++)
            {
                _lu[s + n * s] = 1.0;
                var succ = Mdp.Successors(policy[s]);
                var prob = Mdp.Probabilities(policy[s]);
                for (int k = 0; k < succ.Length; k++) _lu[s + n * succ[k]] -= Gamma * prob[k];
            }
            LinearAlgebraControl.Provider.LUFactor(_lu, n, _pivots);
            policy[..n].CopyTo(_factoredPolicy);
            _hasFactor = true;
        }
        r[..n].CopyTo(_solution);
        LinearAlgebraControl.Provider.LUSolveFactored(1, _lu, n, _pivots, _solution);
        _solution.CopyTo(values);
    }
}
