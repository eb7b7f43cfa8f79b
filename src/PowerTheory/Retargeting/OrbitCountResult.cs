using PowerTheory.Budgets;

namespace PowerTheory.Retargeting;

/// <summary>
/// The orbit counts of θ for one <see cref="RetargetingQuestion"/> (docs/theory.md §1.7, §3.2): over the elements θ′ of
/// Orbit_Θ(θ) = (S_d·θ) ∩ Θ that were examined, how often f(B|θ′) &gt; f(A|θ′), &lt; and =, and the largest n with
/// #(B&gt;A) ≥ n·#(A&gt;B).
/// </summary>
public sealed class OrbitCountResult
{
    internal OrbitCountResult(RetargetingQuestion question, double[] theta, OrbitCountMethod method, long? orbitSize,
        long examined, long outsideTheta, long bWins, long aWins, long ties, SearchOutcome outcome, OrbitSampling? sampling)
    {
        Question = question;
        Theta = Array.AsReadOnly(theta);
        Method = method;
        OrbitSize = orbitSize;
        Examined = examined;
        OutsideTheta = outsideTheta;
        BWins = bWins;
        AWins = aWins;
        Ties = ties;
        Outcome = outcome;
        Sampling = sampling;
        if (method == OrbitCountMethod.Sampled && Counted > 0 && sampling is not null)
        {
            BWinsInterval = ProportionInterval.ClopperPearson(bWins, Counted, sampling.Confidence);
            AWinsInterval = ProportionInterval.ClopperPearson(aWins, Counted, sampling.Confidence);
            TiesInterval = ProportionInterval.ClopperPearson(ties, Counted, sampling.Confidence);
            WeakInterval = ProportionInterval.ClopperPearson(bWins + ties, Counted, sampling.Confidence);
        }
    }

    /// <summary>The question asked.</summary>
    public RetargetingQuestion Question { get; }

    /// <summary>θ as given.</summary>
    public IReadOnlyList<double> Theta { get; }

    /// <summary>Enumerated or sampled.</summary>
    public OrbitCountMethod Method { get; }

    /// <summary>|S_d·θ| = d!/Π m_i! (the multinomial of θ's multiplicities), or null when it exceeds 2⁶³ − 1.
    /// This is the orbit before restriction to Θ.</summary>
    public long? OrbitSize { get; }

    /// <summary>Orbit elements enumerated, or permutations sampled.</summary>
    public long Examined { get; }

    /// <summary>Of those, how many lay outside Θ (and are not counted).</summary>
    public long OutsideTheta { get; }

    /// <summary>#(f(B) &gt; f(A)) among the counted elements.</summary>
    public long BWins { get; }

    /// <summary>#(f(B) &lt; f(A)) among the counted elements.</summary>
    public long AWins { get; }

    /// <summary>#(f(B) = f(A)) among the counted elements (exact double equality).</summary>
    public long Ties { get; }

    /// <summary>BWins + AWins + Ties: the elements of Orbit_Θ(θ) examined.</summary>
    public long Counted => BWins + AWins + Ties;

    /// <summary>How the enumeration or sampling ended against its budget.</summary>
    public SearchOutcome Outcome { get; }

    /// <summary>The sampling settings when <see cref="Method"/> is <see cref="OrbitCountMethod.Sampled"/>, else null.</summary>
    public OrbitSampling? Sampling { get; }

    /// <summary>True when every orbit element was enumerated: the counts are the orbit's, not an estimate.</summary>
    public bool IsExact => Method == OrbitCountMethod.Enumerated && Outcome.IsComplete;

    /// <summary>The largest n with #(B&gt;A) ≥ n·#(A&gt;B), i.e. ⌊#(B&gt;A)/#(A&gt;B)⌋; null means unbounded (#(A&gt;B) = 0,
    /// so every n holds). Computed from the counted elements: exact only when <see cref="IsExact"/>.</summary>
    public long? LargestN => AWins == 0 ? null : BWins / AWins;

    /// <summary>n/(n+1) for <see cref="LargestN"/> (1 when unbounded): the guaranteed share of the orbit with f(B) ≥ f(A)
    /// (PRDM Lemma B.3; docs/theory.md §1.7).</summary>
    public double ImpliedFraction => LargestN is { } n ? (double)n / (n + 1) : 1.0;

    /// <summary>(#(B&gt;A) + ties) / counted: the measured share with f(B) ≥ f(A); NaN when nothing was counted.</summary>
    public double WeakFraction => Counted == 0 ? double.NaN : (double)(BWins + Ties) / Counted;

    /// <summary>Clopper–Pearson interval for the share with f(B) &gt; f(A) (sampled only).</summary>
    public ProportionInterval? BWinsInterval { get; }

    /// <summary>Clopper–Pearson interval for the share with f(B) &lt; f(A) (sampled only).</summary>
    public ProportionInterval? AWinsInterval { get; }

    /// <summary>Clopper–Pearson interval for the share of ties (sampled only).</summary>
    public ProportionInterval? TiesInterval { get; }

    /// <summary>Clopper–Pearson interval for the share with f(B) ≥ f(A) (sampled only).</summary>
    public ProportionInterval? WeakInterval { get; }
}
