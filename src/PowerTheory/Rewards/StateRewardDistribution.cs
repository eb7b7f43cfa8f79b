using PowerTheory.Mdps;

namespace PowerTheory.Rewards;

/// <summary>
/// A reward distribution with one law per state: a base law for every state, per-state overrides, and tie groups whose
/// states share one draw (R(s₁) = R(s₂) = x with x drawn once from their common law). Untied states are independent.
/// </summary>
/// <remarks>
/// Sampling visits states in index order and draws a tie group's value at its lowest-index member, so the sequence of
/// draws (and hence every result) is a function of the generator alone.
/// </remarks>
public sealed class StateRewardDistribution : RewardDistribution
{
    private readonly ScalarDistribution[] _laws;
    private readonly int[] _drawFrom; // _drawFrom[s] = s for a fresh draw, else the lowest member of s's tie group
    private readonly string _spec;
    private readonly IReadOnlyList<string> _names;

    /// <summary>
    /// Creates the distribution for <paramref name="mdp"/>'s states.
    /// </summary>
    /// <param name="mdp">The MDP (fixes |S| and the state names used in <see cref="Spec"/> and messages).</param>
    /// <param name="baseLaw">The law of every state without an override.</param>
    /// <param name="overrides">Per-state laws by state index (optional).</param>
    /// <param name="ties">Groups of at least two state indices sharing one draw (optional); groups must be disjoint
    /// and all members of a group must have the same law.</param>
    /// <exception cref="ArgumentException">A bad state index, an overlapping or too small tie group, or a tie group whose
    /// members have different laws (the message names the states).</exception>
    public StateRewardDistribution(Mdp mdp, ScalarDistribution baseLaw,
        IReadOnlyDictionary<int, ScalarDistribution>? overrides = null, IEnumerable<IReadOnlyList<int>>? ties = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(baseLaw);
        int n = mdp.StateCount;
        _names = mdp.StateNames;
        BaseLaw = baseLaw;
        _laws = new ScalarDistribution[n];
        Array.Fill(_laws, baseLaw);
        var overrideList = new List<(int, ScalarDistribution)>();
        if (overrides is not null)
        {
            foreach (var (s, law) in overrides.OrderBy(kv => kv.Key))
            {
                if ((uint)s >= (uint)n)
                    throw new ArgumentException($"override for state index {s}: the MDP has states 0..{n - 1}.", nameof(overrides));
                ArgumentNullException.ThrowIfNull(law);
                _laws[s] = law;
                overrideList.Add((s, law));
            }
        }
        _drawFrom = new int[n];
        for (int s = 0; s < n; s++) _drawFrom[s] = s;
        var tieList = new List<int[]>();
        if (ties is not null)
        {
            var seen = new bool[n];
            foreach (var group in ties)
            {
                ArgumentNullException.ThrowIfNull(group);
                var g = group.Distinct().OrderBy(x => x).ToArray();
                if (g.Length < 2)
                    throw new ArgumentException("a tie group needs at least two distinct states.", nameof(ties));
                foreach (int s in g)
                {
                    if ((uint)s >= (uint)n)
                        throw new ArgumentException($"tie group state index {s}: the MDP has states 0..{n - 1}.", nameof(ties));
                    if (seen[s])
                        throw new ArgumentException($"state '{_names[s]}' is in two tie groups; merge them into one.", nameof(ties));
                    seen[s] = true;
                    if (!ReferenceEquals(_laws[s], _laws[g[0]]) && _laws[s].Spec != _laws[g[0]].Spec)
                        throw new ArgumentException(
                            $"tied states '{_names[g[0]]}' ({_laws[g[0]].Spec}) and '{_names[s]}' ({_laws[s].Spec}) have different laws; tied states share one draw, so they need the same law.",
                            nameof(ties));
                    _drawFrom[s] = g[0];
                }
                tieList.Add(g);
            }
        }
        Overrides = overrideList.ToDictionary(x => x.Item1, x => x.Item2);
        Ties = tieList.Select(g => (IReadOnlyList<int>)Array.AsReadOnly(g)).ToList();
        var parts = new List<string> { baseLaw.Spec };
        parts.AddRange(overrideList.Select(o => $"{_names[o.Item1]}={o.Item2.Spec}"));
        parts.AddRange(tieList.Select(g => "tie(" + string.Join(",", g.Select(s => _names[s])) + ")"));
        _spec = string.Join("; ", parts);
    }

    /// <summary>The law of states without an override.</summary>
    public ScalarDistribution BaseLaw { get; }

    /// <summary>Per-state overrides by state index.</summary>
    public IReadOnlyDictionary<int, ScalarDistribution> Overrides { get; }

    /// <summary>The tie groups (ascending state indices).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Ties { get; }

    /// <summary>The law of state <paramref name="state"/>.</summary>
    public ScalarDistribution LawOf(int state) => _laws[state];

    /// <inheritdoc />
    public override int? StateCount => _laws.Length;

    /// <inheritdoc />
    public override string? UnboundedReason
    {
        get
        {
            for (int s = 0; s < _laws.Length; s++)
                if (!_laws[s].IsBounded)
                    return $"state '{_names[s]}' has the law '{_laws[s].Spec}' with unbounded support [{_laws[s].Lower}, {_laws[s].Upper}]";
            return null;
        }
    }

    /// <inheritdoc />
    public override bool IsContinuous => Ties.Count == 0 && _laws.All(l => l.IsContinuous);

    /// <inheritdoc />
    public override string Spec => _spec;

    /// <inheritdoc />
    public override void Sample(Random random, Span<double> rewards)
    {
        if (rewards.Length != _laws.Length)
            throw new ArgumentException($"rewards must have {_laws.Length} entries; got {rewards.Length}.", nameof(rewards));
        for (int s = 0; s < rewards.Length; s++)
        {
            int from = _drawFrom[s];
            rewards[s] = from == s ? _laws[s].Sample(random) : rewards[from];
        }
    }

    /// <inheritdoc />
    public override double? MeanOf(int state) => _laws[state].Mean;

    internal override (ScalarDistribution Law, int DrawnFrom)? Coordinate(int state) => (_laws[_drawFrom[state]], _drawFrom[state]);
}
