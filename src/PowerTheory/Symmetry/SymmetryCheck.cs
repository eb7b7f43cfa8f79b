namespace PowerTheory.Symmetry;

/// <summary>The result of checking a symmetry definition for given permutations: every condition with its own verdict,
/// and the overall verdict (every required condition holds).</summary>
public sealed class SymmetryCheck
{
    internal SymmetryCheck(string definition, IReadOnlyList<SymmetryCondition> conditions)
    {
        Definition = definition;
        Conditions = conditions;
    }

    /// <summary>The definition checked, e.g. "X contains a copy of X' (OPTSP Def. 6.2)".</summary>
    public string Definition { get; }

    /// <summary>Every condition, in the order checked.</summary>
    public IReadOnlyList<SymmetryCondition> Conditions { get; }

    /// <summary>True when every required condition holds.</summary>
    public bool Holds => Conditions.Where(c => c.Required).All(c => c.Holds);

    /// <summary>The definition, the verdict and one line per condition.</summary>
    public override string ToString() =>
        $"{Definition}: {(Holds ? "holds" : "fails")}{Environment.NewLine}" +
        string.Join(Environment.NewLine, Conditions.Select(c => "  " + c));
}
