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
    /// <summary>The relative accuracy aimed at: E ≤ 10⁻⁹·max|r|/(1−γ) (<see cref="Target"/>).</summary>
    public const double RelativeTarget = 1e-9;

    /// <summary>The accuracy a solve aims at, relative to the scale of the values: 10⁻⁹·max|r|/(1−γ), since
    /// |V*(s)| ≤ max|r|/(1−γ). An absolute 10⁻⁹·max|r| would be below the rounding floor of values near 10³ at
    /// γ = 0.999 and flag every sample; relative to the value scale a bound above it is a real loss of accuracy.</summary>
    public static double Target(double rMax, double gamma) => RelativeTarget * rMax / (1 - gamma);

    /// <summary>(k+4)·2⁻⁵² for the MDP's longest transition row k: ρ = factor·(max|r| + max|V|).</summary>
    public static double RoundingFactor(Mdp mdp)
    {
        int longest = 1;
        var rows = mdp.TransitionOffsetsArray;
        for (int sa = 0; sa < mdp.StateActionCount; sa++) longest = Math.Max(longest, rows[sa + 1] - rows[sa]);
        return (longest + 4) * Math.ScaleB(1.0, -52);
    }

    /// <summary>Certifies values <paramref name="v"/> for reward r: writes Q̂(s,a) = r(s) + γ·E_a v (<paramref name="actionValues"/>),
    /// V̂(s) = max(v(s), TV(s)) (<paramref name="stateValues"/>, so that V̂(s) = max_a Q̂(s,a) holds when v is V^π of a
    /// greedy policy) and, when <paramref name="futureValues"/> is not empty, W(s) = (1−γ)·max_a E_a v; returns the bound
    /// E, the largest residual |TV − v| and the rounding allowance ρ. The one certification loop of the library.</summary>
    public static (double Bound, double Residual, double Rho) Certify(Mdp mdp, BellmanBackup backup, double gamma, double roundingFactor,
        ReadOnlySpan<double> r, ReadOnlySpan<double> v, Span<double> actionValues, Span<double> stateValues, Span<double> futureValues)
    {
        var offsets = mdp.StateActionOffsets;
        bool future = !futureValues.IsEmpty;
        double residual = 0, rMax = 0, vMax = 0;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double bestNext = double.NegativeInfinity;
            for (int sa = offsets[s]; sa < offsets[s + 1]; sa++)
            {
                double e = backup.Expected(sa, v);
                actionValues[sa] = r[s] + gamma * e;
                if (e > bestNext) bestNext = e;
            }
            double tv = r[s] + gamma * bestNext;
            residual = Math.Max(residual, Math.Abs(tv - v[s]));
            rMax = Math.Max(rMax, Math.Abs(r[s]));
            vMax = Math.Max(vMax, Math.Abs(v[s]));
            stateValues[s] = Math.Max(v[s], tv);
            if (future) futureValues[s] = (1 - gamma) * bestNext;
        }
        double rho = roundingFactor * (rMax + vMax);
        return (Bound(residual, rho, gamma), residual, rho);
    }

    /// <summary>E = (max|d| + 3ρ)/(1−γ) + ρ for the largest residual <paramref name="residual"/> = max_s |TV(s) − V(s)|
    /// and the rounding allowance <paramref name="rho"/>.</summary>
    public static double Bound(double residual, double rho, double gamma) => (residual + 3 * rho) / (1 - gamma) + rho;

    /// <summary>The certified optimal-action rule (docs/theory.md §5.1): with the half-width h = γE + ρ on every Q̂(s,a),
    /// action a is optimal at s unless Q̂(s,a) &lt; max_b Q̂(s,b) − <paramref name="width"/> (width = 2h; then it is
    /// certainly not). Returns how many actions are within the width of their state's best without equalling it
    /// (undecided in double precision); with <paramref name="mark"/>, marks every action within the width as optimal.
    /// The one decision rule of both the per-sample solver and the non-dominated fast path.</summary>
    public static long MarkOptimal(Mdp mdp, ReadOnlySpan<double> actionValues, double width, Span<bool> optimal, bool mark)
    {
        var offsets = mdp.StateActionOffsets;
        long near = 0;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double best = double.NegativeInfinity;
            for (int sa = offsets[s]; sa < offsets[s + 1]; sa++) best = Math.Max(best, actionValues[sa]);
            for (int sa = offsets[s]; sa < offsets[s + 1]; sa++)
            {
                double gap = best - actionValues[sa];
                bool candidate = gap <= width;
                if (candidate && gap > 0) near++;
                if (mark) optimal[sa] = candidate;
            }
        }
        return near;
    }
}
