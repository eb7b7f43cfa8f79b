using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The a-posteriori error bound of any approximate V* (docs/theory.md §5.1): with d = TV − V, MacQueen's bounds give
/// |V(s) − V*(s)| ≤ max|d|/(1−γ); computing TV in floating point adds at most ρ = (k+4)·2⁻⁵²·(max|r| + max|V|) per
/// entry (k the longest transition row), so E = (max|d| + 3ρ)/(1−γ) + ρ bounds the error of V and of max(V, TV), and
/// |Q̂(s,a) − Q*(s,a)| ≤ γE + ρ.
/// </summary>
internal static class ResidualCertificate
{
    /// <summary>(k+4)·2⁻⁵² for the MDP's longest transition row k: ρ = factor·(max|r| + max|V|).</summary>
    public static double RoundingFactor(Mdp mdp)
    {
        int longest = 1;
        var rows = mdp.TransitionOffsetsArray;
        for (int sa = 0; sa < mdp.StateActionCount; sa++) longest = Math.Max(longest, rows[sa + 1] - rows[sa]);
        return (longest + 4) * Math.ScaleB(1.0, -52);
    }

    /// <summary>E = (max|d| + 3ρ)/(1−γ) + ρ for the largest residual <paramref name="residual"/> = max_s |TV(s) − V(s)|
    /// and the rounding allowance <paramref name="rho"/>.</summary>
    public static double Bound(double residual, double rho, double gamma) => (residual + 3 * rho) / (1 - gamma) + rho;
}
