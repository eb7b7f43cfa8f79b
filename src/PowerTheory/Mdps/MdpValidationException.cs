namespace PowerTheory.Mdps;

/// <summary>
/// Thrown when an MDP description is invalid: a transition row that does not sum to 1, a negative or non-finite
/// probability, an unknown or duplicate name, a state without actions, or a malformed file.
/// The message names the offending state, action or field; <see cref="Field"/> gives it in machine-readable form.
/// </summary>
public sealed class MdpValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">A path to the offending field, e.g. <c>transitions.s0.a</c>.</param>
    /// <param name="message">A one-line description naming the problem and what was expected.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public MdpValidationException(string field, string message, Exception? inner = null)
        : base(message, inner)
    {
        Field = field;
    }

    /// <summary>Creates the exception for a problem on one line of a text file; the message starts with
    /// <c>line N: </c>.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="field">A path to the offending field.</param>
    /// <param name="message">A one-line description naming the problem and what was expected.</param>
    public MdpValidationException(int line, string field, string message)
        : base($"line {line}: {message}")
    {
        Field = field;
        Line = line;
    }

    /// <summary>The 1-based line of a text file where the problem is, when known.</summary>
    public int? Line { get; }

    /// <summary>A path to the offending field, e.g. <c>transitions.s0.a</c> or <c>states[3]</c>.</summary>
    public string Field { get; }
}
