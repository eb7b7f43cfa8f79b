using System.Globalization;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// The attainable-utility-preserving (AUP) agent (Turner, Hadfield-Menell and Tadepalli, arXiv 1902.09725): optimal
/// (ties split uniformly) for the penalised state-action reward
/// <code>
///   R_AUP(s,a) = R(s) − (λ/k)·Σ_{i=1..k} |Q*_i(s,a) − Q*_i(s,∅)|,   Q*_i(s,a) = R_i(s) + γ·Σ_s' T(s'|s,a)·V*_i(s'),
/// </code>
/// where ∅ is the no-op action and R_1 … R_k are auxiliary rewards drawn once per run, IID uniform on [0,1] per state,
/// from a generator derived from the run's seed (the agent's design, the same for every sampled R). With state-based
/// rewards R_i(s) cancels, so the penalty is γ·|E_{s'~(s,a)} V*_i(s') − E_{s'~(s,∅)} V*_i(s')| averaged over i. The
/// paper's optional division by a scale term is not applied (docs/beyond-optimality.md). λ = 0 is the optimal agent.
/// γ ∈ (0,1); every state must have the no-op action.
/// </summary>
public sealed class AupDecisionMaker : DecisionMaker
{
    /// <summary>The salt that separates the auxiliary rewards' stream from the reward samples' streams.</summary>
    private const ulong AuxiliarySalt = 0xA0B1C2D3E4F50617UL;

    /// <summary>Creates the rule.</summary>
    /// <param name="lambda">λ ≥ 0.</param>
    /// <param name="auxiliaryRewards">k ≥ 1 (default 5).</param>
    /// <param name="noOp">The no-op action's name; null accepts <c>noop</c>, else <c>stay</c>, at every state.</param>
    /// <exception cref="ArgumentOutOfRangeException">λ negative or not finite, or k &lt; 1.</exception>
    public AupDecisionMaker(double lambda, int auxiliaryRewards = 5, string? noOp = null)
    {
        if (!(lambda >= 0) || double.IsInfinity(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, $"aup: lambda must be finite and non-negative; got {lambda}.");
        if (auxiliaryRewards < 1)
            throw new ArgumentOutOfRangeException(nameof(auxiliaryRewards), auxiliaryRewards, $"aup: aux must be at least 1; got {auxiliaryRewards}.");
        Lambda = lambda;
        AuxiliaryRewards = auxiliaryRewards;
        NoOp = noOp;
    }

    /// <summary>λ.</summary>
    public double Lambda { get; }

    /// <summary>k, the number of auxiliary rewards.</summary>
    public int AuxiliaryRewards { get; }

    /// <summary>The no-op action's name (null: <c>noop</c> or <c>stay</c>).</summary>
    public string? NoOp { get; }

    /// <inheritdoc />
    public override string Name => "aup:lambda=" + Lambda.ToString("R", CultureInfo.InvariantCulture)
        + (AuxiliaryRewards == 5 ? "" : ":aux=" + AuxiliaryRewards.ToString(CultureInfo.InvariantCulture))
        + (NoOp is null ? "" : ":noop=" + NoOp);

    /// <inheritdoc />
    public override string Description => $"AUP: optimal for R − (λ/k)·Σ|ΔQ*_aux| with λ = {Lambda.ToString("R", CultureInfo.InvariantCulture)}, k = {AuxiliaryRewards}";

    /// <inheritdoc />
    public override Func<PolicyChooser> Prepare(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireOpenDiscount(Name, "the penalty uses discounted optimal Q-values");
        var penalty = Penalty(context);
        return () => new Chooser(context, penalty, Lambda);
    }

    /// <summary>The per-state-action penalty (1/k)·Σ_i |Q*_i(s,a) − Q*_i(s,∅)| of the run's auxiliary rewards.</summary>
    public double[] Penalty(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mdp = context.Mdp;
        int n = mdp.StateCount;
        var noOps = new int[n];
        for (int s = 0; s < n; s++) noOps[s] = NoOpAt(mdp, s);
        var random = MonteCarlo.BlockRandom.ForBlock(MonteCarlo.BlockRandom.Mix(context.Seed ^ AuxiliarySalt), 0);
        var solver = RewardBatchSolver.Create(mdp, context.Gamma, context.TieTolerance);
        var r = new double[n];
        var future = new double[n];
        var flags = new bool[mdp.StateActionCount];
        var v = new double[n];
        var penalty = new double[mdp.StateActionCount];
        double g = context.Gamma;
        for (int i = 0; i < AuxiliaryRewards; i++)
        {
            for (int s = 0; s < n; s++) r[s] = random.NextDouble();
            solver.Solve(r, future, flags);
            for (int s = 0; s < n; s++) v[s] = r[s] + g / (1 - g) * future[s];
            for (int s = 0; s < n; s++)
            {
                int first = mdp.FirstStateAction(s);
                double stay = mdp.ExpectedValue(first + noOps[s], v);
                for (int a = 0; a < mdp.ActionCount(s); a++)
                    penalty[first + a] += g * Math.Abs(mdp.ExpectedValue(first + a, v) - stay) / AuxiliaryRewards;
            }
        }
        return penalty;
    }

    private int NoOpAt(Mdp mdp, int s)
    {
        var names = mdp.ActionNames(s);
        if (NoOp is not null)
        {
            int i = IndexOf(names, NoOp);
            return i >= 0 ? i : throw new ArgumentException(
                $"{Name}: state '{mdp.StateNames[s]}' has no no-op action '{NoOp}' (its actions: {string.Join(", ", names)}).", "context");
        }
        int k = IndexOf(names, "noop");
        if (k < 0) k = IndexOf(names, "stay");
        return k >= 0 ? k : throw new ArgumentException(
            $"{Name}: state '{mdp.StateNames[s]}' has neither a 'noop' nor a 'stay' action (its actions: {string.Join(", ", names)}); name the no-op with aup:noop=NAME.", "context");
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++) if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    private sealed class Chooser(DecisionContext context, double[] penalty, double lambda) : PolicyChooser
    {
        private readonly StateActionRewardSolver _solver = new(context.Mdp, context.Gamma, context.TieTolerance);
        private readonly double[] _reward = new double[context.Mdp.StateActionCount];
        private readonly bool[] _optimal = new bool[context.Mdp.StateActionCount];

        public override bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy)
        {
            var mdp = context.Mdp;
            for (int sa = 0; sa < _reward.Length; sa++) _reward[sa] = rewards[mdp.StateOf(sa)] - lambda * penalty[sa];
            _solver.Solve(_reward, _optimal);
            PolicyRows.UniformOver(mdp, _optimal, policy);
            return true;
        }
    }
}
