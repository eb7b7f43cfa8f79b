namespace PowerTheory.Internal;

/// <summary>Argument checks whose messages name the parameter, the offending value and the allowed range.</summary>
internal static class Preconditions
{
    /// <summary>Checks γ ∈ [0,1) (the discounted setting of the solvers).</summary>
    public static double CheckDiscount(double gamma, string paramName = "gamma")
    {
        if (double.IsNaN(gamma) || gamma < 0.0 || gamma >= 1.0)
            throw new ArgumentOutOfRangeException(paramName, gamma,
                $"{paramName} must be in [0, 1) for discounted values; got {Format(gamma)}.");
        return gamma;
    }

    /// <summary>Checks γ ∈ (0,1) (the open interval on which POWER's (1−γ)/γ factor is defined).</summary>
    public static double CheckOpenDiscount(double gamma, string paramName = "gamma")
    {
        if (double.IsNaN(gamma) || gamma <= 0.0 || gamma >= 1.0)
            throw new ArgumentOutOfRangeException(paramName, gamma,
                $"{paramName} must be in (0, 1); got {Format(gamma)}. Use the dedicated limit routines for γ = 0 and γ = 1.");
        return gamma;
    }

    /// <summary>Checks a strictly positive finite tolerance.</summary>
    public static double CheckTolerance(double tolerance, string paramName = "tolerance")
    {
        if (!(tolerance > 0.0) || double.IsInfinity(tolerance))
            throw new ArgumentOutOfRangeException(paramName, tolerance,
                $"{paramName} must be a positive finite number; got {Format(tolerance)}.");
        return tolerance;
    }

    /// <summary>Checks a positive count.</summary>
    public static int CheckPositive(int value, string paramName)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be positive; got {value}.");
        return value;
    }

    public static string Format(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
