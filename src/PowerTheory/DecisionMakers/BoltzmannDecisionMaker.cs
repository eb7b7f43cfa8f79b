using System.Globalization;
using PowerTheory.Solvers;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// The Boltzmann-rational agent at temperature T > 0, by soft value iteration relative to the uniform policy (the
/// KL-regularised Bellman equations):
/// <code>
///   Q(s,a) = R(s) + γ·Σ_s' T(s'|s,a)·V(s'),   V(s) = T·log( (1/|A(s)|)·Σ_a exp(Q(s,a)/T) ),   π(a|s) ∝ exp(Q(s,a)/T).
/// </code>
/// The 1/|A(s)| inside the logarithm makes the entropy bonus relative to the uniform policy; without it (plain
/// maximum-entropy soft value iteration) a large T would favour states with many actions instead of tending to the
/// uniformly random agent.
/// The sweeps are the kernel's (<c>Solvers.SoftValueIteration</c>). The soft Bellman operator is a γ-contraction in the sup norm, so the iteration from V = 0 converges for γ ∈ (0,1);
/// it stops when a sweep changes V by at most 1e-12·(max|R| + T·log max|A|)/(1−γ) (then |V − V_soft| is below
/// γ/(1−γ) times that). As T → 0 the policy tends to uniform over the optimal actions; as T → ∞ to uniform.
/// </summary>
public sealed class BoltzmannDecisionMaker : DecisionMaker
{
    /// <summary>The most sweeps before the run is refused (γ = 0.999 needs about 30,000).</summary>
    public const int MaxSweeps = SoftValueIteration.MaxSweeps;

    /// <summary>Creates the rule.</summary>
    /// <param name="temperature">T, positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">T not positive or not finite.</exception>
    public BoltzmannDecisionMaker(double temperature)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, $"boltzmann: T must be positive and finite; got {temperature}.");
        Temperature = temperature;
    }

    /// <summary>T.</summary>
    public double Temperature { get; }

    /// <inheritdoc />
    public override string Name => "boltzmann:T=" + Temperature.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string Description => $"Boltzmann-rational (soft value iteration) at T = {Temperature.ToString("R", CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override Func<PolicyChooser> Prepare(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireOpenDiscount(Name, "soft value iteration diverges at γ = 1 and is degenerate at γ = 0");
        return () => new Chooser(context, Temperature);
    }

    private sealed class Chooser(DecisionContext context, double t) : PolicyChooser
    {
        private readonly SoftValueIteration _soft = new(context.Mdp);
        private readonly double[] _softValues = new double[context.Mdp.StateCount];

        public override bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy)
        {
            var mdp = context.Mdp;
            _soft.Solve(rewards, context.Gamma, t, _softValues);
            var q = _soft.ActionValues;
            for (int s = 0; s < mdp.StateCount; s++)
            {
                int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s);
                double sum = 0;
                for (int a = 0; a < k; a++) sum += policy[first + a] = Math.Exp((q[first + a] - _softValues[s]) / t);
                for (int a = 0; a < k; a++) policy[first + a] /= sum;
            }
            return true;
        }
    }
}
