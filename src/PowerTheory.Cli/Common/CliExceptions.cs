namespace PowerTheory.Cli.Common;

/// <summary>A usage or input-validation error; reported as one line <c>error: …</c> with exit code 1.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>A domain error (well-formed input on which the requested computation cannot be done); exit code 2.</summary>
public sealed class CliDomainException(string message) : Exception(message);
