using PowerTheory.Power;

namespace PowerTheory.Cli.Common;

/// <summary>How the <c>power</c> command shows what its per-sample solves could not certify (docs/theory.md §5.1): a
/// <c>warning:</c> line on stderr per γ for near-ties counted as ties and for samples whose certified bound stayed
/// above the target. The full certification is in the JSON <c>certification</c> object.</summary>
public static class CertificationOutput
{
    /// <summary>Writes the warnings of every γ of <paramref name="result"/>.</summary>
    public static void Warn(CliContext context, PowerResult result)
    {
        foreach (var at in result.ByGamma)
        {
            var c = at.Certification;
            string where = result.ByGamma.Count > 1 ? $" at gamma {at.Gamma}" : "";
            if (c.NearTies > 0)
                context.Diagnostic($"warning{where}: {c.NearTies} (sample, state, action) case(s) were within the certified rounding " +
                    $"width (2·(γE + ρ)) of the best action without equalling it and were counted as ties.");
            if (c.Uncertified > 0)
                context.Diagnostic($"warning{where}: {c.Uncertified} of {c.Solves} samples ended with a certified bound above " +
                    $"the target {c.Target:G3} (largest bound {c.MaxValueErrorBound:G3} on |V - V*|).");
        }
    }
}
