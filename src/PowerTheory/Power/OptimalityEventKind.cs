namespace PowerTheory.Power;

/// <summary>The two forms of a user event (<see cref="OptimalityEvent"/>).</summary>
public enum OptimalityEventKind
{
    /// <summary>F is the set of visit distributions of a list of policies (<see cref="OptimalityEvent.FromPolicies"/>).</summary>
    Policies,

    /// <summary>Some optimal policy ends in one of a set of self-loop states (<see cref="OptimalityEvent.EndsIn(Mdps.Mdp, int, IEnumerable{int}, string?)"/>).</summary>
    EndsIn,
}
