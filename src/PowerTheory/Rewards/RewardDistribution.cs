using PowerTheory.Mdps;

namespace PowerTheory.Rewards;

/// <summary>
/// A distribution D over reward vectors R ∈ ℝ^|S| (state-based rewards), as used by POWER and optimality probabilities.
/// Built-in forms: IID over states (<see cref="Iid"/>, the default <c>uniform(0,1)</c> is <see cref="UniformIid"/>),
/// per-state laws with ties (<see cref="StateRewardDistribution"/>), a spec string (<see cref="RewardSpecParser.Parse"/>) and any
/// user sampler (<see cref="FromSampler"/>).
/// </summary>
/// <remarks>
/// POWER needs bounded support so that E[V*_R] exists (docs/theory.md §1.4); <see cref="IsBounded"/> and
/// <see cref="UnboundedReason"/> say whether that holds. Optimality probabilities accept any distribution.
/// Implementations are immutable and thread-safe; <see cref="Sample"/> draws only from the generator it is given.
/// </remarks>
public abstract class RewardDistribution
{
    private protected RewardDistribution() { }

    /// <summary>The uniform(0,1) IID distribution, the maximum-entropy default of the papers.</summary>
    public static RewardDistribution UniformIid { get; } = new IidRewardDistribution(ScalarDistribution.Uniform());

    /// <summary>The number of states this distribution is for, or null when it fits any MDP (IID).</summary>
    public abstract int? StateCount { get; }

    /// <summary>True when the support is bounded, i.e. every state's reward lies in a finite interval.</summary>
    public bool IsBounded => UnboundedReason is null;

    /// <summary>Why the support is unbounded (naming the state and law), or null when bounded.</summary>
    public abstract string? UnboundedReason { get; }

    /// <summary>True when ties between distinct linear functionals of R have probability 0 (atomless laws, no
    /// degenerate ties); false for discrete/point laws or tied states, where ties can have positive probability.
    /// User samplers report what they declared.</summary>
    public abstract bool IsContinuous { get; }

    /// <summary>A human-readable spec, e.g. <c>uniform(0,1)</c> or <c>uniform(0,1); s0=point(1); tie(s1,s2)</c>.</summary>
    public abstract string Spec { get; }

    /// <summary>Fills <paramref name="rewards"/> (length |S|) with one draw R ~ D using <paramref name="random"/> only.</summary>
    public abstract void Sample(Random random, Span<double> rewards);

    /// <summary>The expected reward E[R(s)] of state <paramref name="state"/>, when known (null for user samplers).</summary>
    public abstract double? MeanOf(int state);

    /// <inheritdoc />
    public override string ToString() => Spec;

    /// <summary>When every state's reward is one independent draw of a known law, or shares the draw of a tied state:
    /// the law of state <paramref name="state"/> and the state whose draw it takes (itself unless tied). Null for a user
    /// sampler, whose law is unknown.</summary>
    internal virtual (ScalarDistribution Law, int DrawnFrom)? Coordinate(int state) => null;

    /// <summary>True when rewards can be made from uniform points by the laws' quantile functions
    /// (<see cref="FromUniform"/>): every law known.</summary>
    internal bool HasQuantiles(int stateCount)
    {
        for (int s = 0; s < stateCount; s++)
            if (Coordinate(s) is not { } c || !c.Law.HasQuantile) return false;
        return true;
    }

    /// <summary>R(s) = F_s⁻¹(u[k(s)]), with F_s the law of state s and k(s) the state whose draw it takes (inverse-CDF
    /// sampling: R has the law D when the u are independent uniforms on (0,1)).</summary>
    internal void FromUniform(ReadOnlySpan<double> u, Span<double> rewards)
    {
        for (int s = 0; s < rewards.Length; s++)
        {
            var (law, from) = Coordinate(s)!.Value;
            rewards[s] = from == s ? law.Quantile(u[s]) : rewards[from];
        }
    }

    /// <summary>The IID distribution D_X-IID = X^|S|: every state gets an independent draw of <paramref name="law"/>.</summary>
    public static RewardDistribution Iid(ScalarDistribution law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return new IidRewardDistribution(law);
    }

    /// <summary>
    /// A user sampler with declared support bounds: every sampled reward must lie in [<paramref name="lower"/>,
    /// <paramref name="upper"/>] (checked at sampling time; a violation throws naming the state and value). Infinite
    /// bounds declare an unbounded law, which POWER refuses.
    /// </summary>
    /// <param name="stateCount">|S| of the MDP it is for.</param>
    /// <param name="sampler">The sampler; see <see cref="RewardSampler"/> for its contract.</param>
    /// <param name="lower">Declared lower bound of every reward (may be −∞).</param>
    /// <param name="upper">Declared upper bound of every reward (may be +∞).</param>
    /// <param name="description">A description for reports (the <see cref="Spec"/>).</param>
    /// <param name="isContinuous">Whether ties have probability 0 under this sampler.</param>
    public static RewardDistribution FromSampler(int stateCount, RewardSampler sampler, double lower, double upper,
        string description = "user sampler", bool isContinuous = true)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(description);
        if (stateCount <= 0)
            throw new ArgumentOutOfRangeException(nameof(stateCount), stateCount, $"stateCount must be positive; got {stateCount}.");
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower > upper)
            throw new ArgumentOutOfRangeException(nameof(upper), $"the declared bounds must satisfy lower ≤ upper; got [{lower}, {upper}].");
        return new UserRewardDistribution(stateCount, sampler, lower, upper, description, isContinuous);
    }

    /// <summary>Parses a spec string against an MDP's state names (see <see cref="RewardSpecParser"/> for the grammar).</summary>
    public static RewardDistribution Parse(string spec, Mdp mdp) => RewardSpecParser.Parse(spec, mdp);

    /// <summary>The scalar laws a spec may name, with their arguments, for help texts (from the law registry):
    /// <c>uniform(a,b) (default uniform(0,1)), beta(a,b), …</c>.</summary>
    public static string LawSignatures => RewardLawRegistry.Signatures;

    /// <summary>Throws unless this distribution fits an MDP with <paramref name="stateCount"/> states.</summary>
    public void CheckStateCount(int stateCount)
    {
        if (StateCount is { } n && n != stateCount)
            throw new ArgumentException(
                $"the reward distribution '{Spec}' is for {n} states but the MDP has {stateCount}.", "rewards");
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the support is unbounded, explaining why POWER needs it.</summary>
    public void CheckBoundedForPower()
    {
        if (UnboundedReason is { } why)
            throw new ArgumentException(
                $"POWER needs a reward distribution with bounded support (so that E[V*_R] exists; OPTSP Def. 5.2), but {why}. " +
                "Use a bounded law such as uniform(a,b), beta(a,b), triangular(a,b,c), discrete(...) or point(x); " +
                "optimality probabilities alone accept unbounded laws.", "rewards");
    }
}
