using PowerTheory.Mdps;

namespace PowerTheory.Environments;

/// <summary>
/// A chain of k binary choices, the standard family whose number of non-dominated visit distributions grows
/// exponentially: states <c>c0</c> … <c>ck</c> and <c>a1</c>, <c>b1</c> … <c>ak</c>, <c>bk</c>;
/// <c>c(i−1)</c> → {<c>ai</c> via <c>a</c>, <c>bi</c> via <c>b</c>}, <c>ai</c> → <c>ci</c> and <c>bi</c> → <c>ci</c> via
/// <c>next</c>, and <c>ck</c> is terminal. From <c>c0</c> there are 2^k trajectories, all non-dominated: |F(c0)| = |F_nd(c0)| = 2^k.
/// </summary>
public static class BinaryChoiceChain
{
    /// <summary>Builds the chain with k ≥ 1 choices (3k + 1 states).</summary>
    public static Mdp Create(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be at least 1; got {k}.");
        var b = new MdpBuilder($"binary-choice-chain-{k}");
        b.AddState("c0");
        for (int i = 1; i <= k; i++) b.AddStates($"a{i}", $"b{i}", $"c{i}");
        for (int i = 1; i <= k; i++)
        {
            b.AddAction($"c{i - 1}", "a", $"a{i}").AddAction($"c{i - 1}", "b", $"b{i}");
            b.AddAction($"a{i}", "next", $"c{i}").AddAction($"b{i}", "next", $"c{i}");
        }
        b.AddAction($"c{k}", "stay", $"c{k}");
        return b.Build();
    }
}
