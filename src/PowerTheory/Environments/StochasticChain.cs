using PowerTheory.Mdps;

namespace PowerTheory.Environments;

/// <summary>
/// A stochastic chain of n cells <c>c1</c> … <c>cn</c>: <c>left</c> and <c>right</c> move one cell with probability p and
/// leave the agent where it is with probability 1 − p; <c>stay</c> is a sure self-loop. The end cells lack the move off
/// the chain. A small model for testing stochastic transitions and format converters.
/// </summary>
public static class StochasticChain
{
    /// <summary>Builds the chain.</summary>
    /// <param name="cells">n ≥ 2.</param>
    /// <param name="success">p ∈ (0, 1]: the probability that a move happens.</param>
    public static Mdp Create(int cells = 4, double success = 0.8)
    {
        if (cells < 2) throw new ArgumentOutOfRangeException(nameof(cells), cells, $"cells must be at least 2; got {cells}.");
        if (!(success > 0 && success <= 1)) throw new ArgumentOutOfRangeException(nameof(success), success, $"success must be in (0, 1]; got {success}.");
        var b = new MdpBuilder($"chain{cells}-stochastic");
        for (int i = 1; i <= cells; i++) b.AddState($"c{i}");
        for (int i = 1; i <= cells; i++)
        {
            if (i > 1) Move(b, i, i - 1, "left", success);
            b.AddAction($"c{i}", "stay", $"c{i}");
            if (i < cells) Move(b, i, i + 1, "right", success);
        }
        return b.Build();
    }

    private static void Move(MdpBuilder b, int from, int to, string action, double success)
    {
        if (success == 1) b.AddAction($"c{from}", action, $"c{to}");
        else b.AddAction($"c{from}", action, ($"c{to}", success), ($"c{from}", 1 - success));
    }
}
