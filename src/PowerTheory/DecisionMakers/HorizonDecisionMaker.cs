using System.Globalization;
using PowerTheory.Solvers;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// A finite-horizon (receding-horizon, myopic) planner with horizon H ≥ 1: at every state it takes, uniformly among
/// ties, an action maximising the expected discounted reward of the next H states,
/// <code>
///   U₀ = 0,   U_k(s) = max_a Σ_s' T(s'|s,a)·(R(s') + γ·U_{k−1}(s')),   π(·|s) uniform over argmax_a Σ_s' T(s'|s,a)·(R(s') + γ·U_{H−1}(s')),
/// </code>
/// (ties: within the tie tolerance times max|R|·H). H = 1 maximises the expected next-state reward, i.e. the γ → 0 optimal
/// actions up to ties of probability zero under continuous reward laws. Any γ ∈ [0,1] (0⁰ = 1). The backups are the
/// kernel's (<c>Solvers.FiniteHorizonValues</c>).
/// </summary>
public sealed class HorizonDecisionMaker : DecisionMaker
{
    /// <summary>Creates the rule.</summary>
    /// <param name="horizon">1 ≤ H ≤ <see cref="MaxHorizon"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">H &lt; 1 or H &gt; <see cref="MaxHorizon"/>.</exception>
    public HorizonDecisionMaker(int horizon)
    {
        if (horizon < 1 || horizon > MaxHorizon)
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, $"horizon: H must be a whole number in [1, {MaxHorizon}]; got {horizon}.");
        Horizon = horizon;
    }

    /// <summary>The largest H: each sample costs up to H backups over every state-action, so a larger H could not run
    /// within any budget (at γ &lt; 1 the backups usually reach their fixed point, and stop, long before).</summary>
    public const int MaxHorizon = 1_000_000;

    /// <summary>H.</summary>
    public int Horizon { get; }

    /// <inheritdoc />
    public override string Name => "horizon:H=" + Horizon.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string Description => $"receding-horizon planner maximising the next {Horizon} discounted rewards";

    /// <inheritdoc />
    public override Func<PolicyChooser> Prepare(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Internal.Preconditions.CheckTolerance(context.TieTolerance, nameof(context.TieTolerance));
        if (!(context.Gamma >= 0 && context.Gamma <= 1))
            throw new ArgumentOutOfRangeException(nameof(context), context.Gamma, $"{Name}: γ must be in [0, 1]; got {context.Gamma}.");
        return () => new Chooser(context, Horizon);
    }

    private sealed class Chooser(DecisionContext context, int horizon) : PolicyChooser
    {
        private readonly FiniteHorizonValues _values = new(context.Mdp);
        private readonly double[] _q = new double[context.Mdp.StateActionCount];

        public override bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy)
        {
            _values.ActionValues(rewards, context.Gamma, horizon, _q);
            PolicyRows.Greedy(context.Mdp, _q, context.TieTolerance * PolicyRows.Scale(rewards) * horizon, policy);
            return true;
        }
    }
}
