using PowerTheory.Mdps;

namespace PowerTheory.Tests;

/// <summary>OPTSP App. C (Fig. 11; docs/theory.md §4.2 item 8): s0 → {sl, sr}; sl → {s1, s2}; sr → {s3, s4, s5}; s1 … s5
/// absorbing. Under IID uniform rewards at γ = 1 the POWER^pol of s0 is 1/2 (random), 3/4 (pol₂, which only knows s1, s2
/// and s5) and 5/6 (optimal).</summary>
public static class AppendixCMdp
{
    public static Mdp Create()
    {
        var b = new MdpBuilder("optsp-appc").AddStates("s0", "sl", "sr", "s1", "s2", "s3", "s4", "s5")
            .AddAction("s0", "left", "sl").AddAction("s0", "right", "sr")
            .AddAction("sl", "to1", "s1").AddAction("sl", "to2", "s2")
            .AddAction("sr", "to3", "s3").AddAction("sr", "to4", "s4").AddAction("sr", "to5", "s5");
        foreach (var t in new[] { "s1", "s2", "s3", "s4", "s5" }) b.AddAction(t, "stay", t);
        return b.Build();
    }
}
