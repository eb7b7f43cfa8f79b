namespace PowerTheory.Cli.Common;

/// <summary>The process exit codes of <c>powertheory</c> (docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A usage or validation error: bad option, missing or malformed file, invalid MDP, γ out of range, unknown state.</summary>
    public const int UsageOrValidation = 1;

    /// <summary>A domain or computation error: the input is well formed but the computation cannot be carried out
    /// (e.g. a solver did not converge, a theorem's condition cannot be checked), or an internal error.</summary>
    public const int Domain = 2;
}
