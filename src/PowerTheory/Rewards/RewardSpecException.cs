namespace PowerTheory.Rewards;

/// <summary>A malformed reward-distribution spec; <see cref="Token"/> is the offending token and <see cref="Position"/>
/// its 0-based character offset in the spec.</summary>
public sealed class RewardSpecException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public RewardSpecException(string message, string token, int position) : base(message)
    {
        Token = token;
        Position = position;
    }

    /// <summary>The offending token (empty at the end of the input).</summary>
    public string Token { get; }

    /// <summary>The 0-based offset of <see cref="Token"/> in the spec.</summary>
    public int Position { get; }
}
