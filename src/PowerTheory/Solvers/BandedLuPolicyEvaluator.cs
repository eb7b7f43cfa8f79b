using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// V^π on a stochastic MDP by a banded LU factorisation of I − γT_π in the reverse Cuthill–McKee order of
/// <see cref="BandOrdering"/>: O(|S|·b_l·b_u) per factorisation and O(|S|·(b_l + b_u)) per solve instead of O(|S|³) and
/// O(|S|²) for the dense LU (b ≈ the grid width on a gridworld). No pivoting is needed: I − γT_π is strictly diagonally
/// dominant by rows (the margin is at least 1 − γ), for which Gaussian elimination is stable and the fill stays inside
/// the band. The factorisation of the last policy is cached until <see cref="Forget"/>.
/// </summary>
internal sealed class BandedLuPolicyEvaluator : DiscountedPolicyEvaluator
{
    private readonly int[] _position;
    private readonly BandedMatrix _matrix;
    private readonly double[] _solution;
    private readonly int[] _factoredPolicy;
    private bool _hasFactor;

    public BandedLuPolicyEvaluator(Mdp mdp, double gamma, BandOrdering ordering, int? warmStartRounds = null) : base(mdp, gamma)
    {
        _position = ordering.Position;
        _matrix = new BandedMatrix(mdp.StateCount, ordering.Lower, ordering.Upper);
        _solution = new double[mdp.StateCount];
        _factoredPolicy = new int[mdp.StateCount];
        // A sweep reads every transition once (nnz multiply-adds); a factorisation costs about n·b_l·b_u. Spend up to
        // a quarter of a factorisation's work on sweeps, which cut the improvement steps that each cost a factorisation.
        double perSweep = Math.Max(1.0, mdp.TransitionCount);
        _sweeps = (int)Math.Clamp(FactorCost(mdp, ordering) / (4 * perSweep), 10, 400);
        _rounds = warmStartRounds ?? (FactorCost(mdp, ordering) >= ModifiedWarmStartRatio * perSweep ? MaxWarmStartRounds : 0);
    }

    private readonly int _rounds;

    /// <summary>Factorisations costing at least this many sweeps get the modified-policy-iteration warm start (measured per
    /// sample, one thread: 100×100 slip grid, ratio ≈ 400: 162 → 64 ms; 30×30, ≈ 38: 2.0 → 1.75 ms; 20×20 map, ≈ 11:
    /// 0.19 → 0.32 ms, so it keeps the sweeps).</summary>
    public const double ModifiedWarmStartRatio = 20;

    /// <summary>The rounds cap of the modified warm start (the 100×100 slip grid needs about 12).</summary>
    public const int MaxWarmStartRounds = 30;

    public override int WarmStartRounds => _rounds;

    private readonly int _sweeps;

    /// <summary>The number of doubles the band needs for an MDP with this ordering.</summary>
    public static long BandSize(Mdp mdp, BandOrdering ordering) => BandedMatrix.Doubles(mdp.StateCount, ordering.Lower, ordering.Upper);

    /// <summary>The multiply-adds of one factorisation.</summary>
    public static double FactorCost(Mdp mdp, BandOrdering ordering) => (double)mdp.StateCount * (ordering.Lower + 1) * (ordering.Upper + 1);

    public override double RelativeRounding => 1e-11;

    /// <summary>A quarter of a factorisation's worth of sweeps, between 10 and 400: 10 on the 20×20 slip map (b ≈ 21),
    /// about 40 on the 30×30 grid and several hundred on a 100×100 slip grid, where each avoided improvement step saves a
    /// factorisation of ~10⁸ operations (measured: 100×100 3.0 → 2.6 s for 12 samples, the others unchanged;
    /// docs/performance.md).</summary>
    public override int WarmStartSweeps => _sweeps;

    public override void Forget() => _hasFactor = false;

    public override void Evaluate(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values)
    {
        int n = Mdp.StateCount;
        if (!_hasFactor || !policy[..n].SequenceEqual(_factoredPolicy))
        {
            _matrix.Clear();
            for (int s = 0; s < n; s++)
            {
                int i = _position[s];
                _matrix.Add(i, i, 1.0);
                var succ = Mdp.Successors(policy[s]);
                var prob = Mdp.Probabilities(policy[s]);
                for (int k = 0; k < succ.Length; k++) _matrix.Add(i, _position[succ[k]], -Gamma * prob[k]);
            }
            _matrix.Factor();
            policy[..n].CopyTo(_factoredPolicy);
            _hasFactor = true;
        }
        for (int s = 0; s < n; s++) _solution[_position[s]] = r[s];
        _matrix.Solve(_solution);
        for (int s = 0; s < n; s++) values[s] = _solution[_position[s]];
    }
}
