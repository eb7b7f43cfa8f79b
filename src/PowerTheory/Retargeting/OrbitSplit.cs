using PowerTheory.Budgets;

namespace PowerTheory.Retargeting;

/// <summary>
/// The orbit Orbit_Θ(θ) split by the comparison: the elements where f(A) &gt; f(B) are kept (Orbit_{Θ,A&gt;B}(θ) of
/// Def. 3.5), the others only counted. Enumerates distinct permutations, one node each; memory is proportional to the
/// nodes visited.
/// </summary>
internal sealed class OrbitSplit
{
    private OrbitSplit(List<double[]> aWins, long bWins, long ties, long? size, bool complete)
    {
        AWinsElements = aWins;
        BWins = bWins;
        Ties = ties;
        OrbitSize = size;
        IsComplete = complete;
    }

    public List<double[]> AWinsElements { get; }

    public long BWins { get; }

    public long Ties { get; }

    public long? OrbitSize { get; }

    /// <summary>True when the whole orbit was enumerated.</summary>
    public bool IsComplete { get; }

    public static OrbitSplit Enumerate(RetargetingQuestion question, double[] theta, SearchMeter meter)
    {
        long? size = MultisetPermutations.Count(theta);
        var aWins = new List<double[]>();
        long bWins = 0, ties = 0;
        if (size is not { } s || s > meter.Budget.MaxNodes) return new OrbitSplit(aWins, 0, 0, size, false);
        var element = (double[])theta.Clone();
        MultisetPermutations.First(element);
        do
        {
            if (!meter.TryCount()) return new OrbitSplit(aWins, bWins, ties, size, false);
            if (!question.InTheta(element)) continue;
            switch (question.Compare(element))
            {
                case < 0: aWins.Add((double[])element.Clone()); break;
                case > 0: bWins++; break;
                default: ties++; break;
            }
        }
        while (MultisetPermutations.Next(element));
        return new OrbitSplit(aWins, bWins, ties, size, true);
    }

    public static string Format(IReadOnlyList<double> vector) =>
        "(" + string.Join(",", vector.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + ")";
}
