using PowerTheory.Mdps;

namespace PowerTheory.Environments;

/// <summary>
/// The canonical example MDPs of the power-seeking papers and the closed-form micro-MDPs of docs/theory.md §4.2. They double
/// as test oracles and documentation.
/// </summary>
public static class PaperMdps
{
    /// <summary>
    /// OPTSP Figure 1 (Turner et al. 2021), deterministic, 8 states. ASCII names with the paper's symbols as labels:
    /// <c>star</c> (⋆) → {<c>empty</c> (∅, terminal) via <c>up</c>, <c>l</c> (ℓ◁) via <c>left</c>, <c>r</c> (r▷) via <c>right</c>};
    /// <c>l</c> → {<c>l_sw</c> (ℓ↙), <c>l_nw</c> (ℓ↖)}; <c>l_sw</c> → {<c>l_sw</c>, <c>l_nw</c>}; <c>l_nw</c> → {<c>l_sw</c>};
    /// <c>r</c> → {<c>r_se</c> (r↘), <c>r_ne</c> (r↗)}; <c>r_se</c> → {<c>r_se</c>, <c>r_ne</c>}; <c>r_ne</c> → {<c>r_ne</c>, <c>r_se</c>}.
    /// The edge ℓ◁ → ℓ↖ is inferred by symmetry with r▷ → r↗ (docs/theory.md §4.1).
    /// </summary>
    public static Mdp OptspFigure1()
    {
        var b = new MdpBuilder("optsp-fig1")
            .AddStates("star", "empty", "l", "l_sw", "l_nw", "r", "r_se", "r_ne")
            .AddAction("star", "up", "empty").AddAction("star", "left", "l").AddAction("star", "right", "r")
            .AddAction("empty", "stay", "empty")
            .AddAction("l", "sw", "l_sw").AddAction("l", "nw", "l_nw")
            .AddAction("l_sw", "stay", "l_sw").AddAction("l_sw", "up", "l_nw")
            .AddAction("l_nw", "down", "l_sw")
            .AddAction("r", "se", "r_se").AddAction("r", "ne", "r_ne")
            .AddAction("r_se", "stay", "r_se").AddAction("r_se", "up", "r_ne")
            .AddAction("r_ne", "stay", "r_ne").AddAction("r_ne", "down", "r_se")
            .SetLabel("star", "⋆").SetLabel("empty", "∅").SetLabel("l", "ℓ◁").SetLabel("l_sw", "ℓ↙")
            .SetLabel("l_nw", "ℓ↖").SetLabel("r", "r▷").SetLabel("r_se", "r↘").SetLabel("r_ne", "r↗");
        return b.Build();
    }

    /// <summary>
    /// k terminal options (docs/theory.md §4.2 item 1): <c>s</c> → {<c>t1</c> … <c>tk</c>}, each absorbing.
    /// Under IID uniform(0,1) rewards POWER(s, γ) = k/(k+1) for every γ.
    /// </summary>
    public static Mdp TerminalOptions(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be at least 1; got {k}.");
        var b = new MdpBuilder($"terminal-options-{k}").AddState("s");
        for (int i = 1; i <= k; i++) b.AddState($"t{i}");
        for (int i = 1; i <= k; i++)
        {
            b.AddAction("s", $"to_t{i}", $"t{i}");
            b.AddAction($"t{i}", "stay", $"t{i}");
        }
        return b.Build();
    }

    /// <summary>
    /// A self-loop plus k terminal options (docs/theory.md §4.2 item 2): POWER(s, γ) = (k+1)/(k+2) under IID uniform(0,1).
    /// </summary>
    public static Mdp SelfLoopPlusTerminals(int k)
    {
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be non-negative; got {k}.");
        var b = new MdpBuilder($"loop-plus-{k}-terminals").AddState("s");
        for (int i = 1; i <= k; i++) b.AddState($"t{i}");
        b.AddAction("s", "stay", "s");
        for (int i = 1; i <= k; i++)
        {
            b.AddAction("s", $"to_t{i}", $"t{i}");
            b.AddAction($"t{i}", "stay", $"t{i}");
        }
        return b.Build();
    }

    /// <summary>A single terminal state (docs/theory.md §4.2 item 3): POWER = E[X] = 1/2 under uniform(0,1).</summary>
    public static Mdp TerminalState() =>
        new MdpBuilder("terminal").AddState("t").AddAction("t", "stay", "t").Build();

    /// <summary>
    /// The stochastic gamble of docs/theory.md §4.2 item 5: <c>s0</c> has <c>gamble</c> → t1 or t2 with
    /// probability ½ each and <c>safe</c> → t3; t1, t2, t3 absorbing. POWER(s0) = E[max((x₁+x₂)/2, x₃)].
    /// </summary>
    public static Mdp GambleOrSafe() =>
        new MdpBuilder("gamble-or-safe")
            .AddStates("s0", "t1", "t2", "t3")
            .AddAction("s0", "gamble", ("t1", 0.5), ("t2", 0.5))
            .AddAction("s0", "safe", "t3")
            .AddAction("t1", "stay", "t1").AddAction("t2", "stay", "t2").AddAction("t3", "stay", "t3")
            .Build();

    /// <summary>
    /// The 2-cycle-versus-loop pair of docs/theory.md §4.2 item 6: <c>x</c> has a self-loop and a move to <c>y</c>; <c>y</c>
    /// can only return to <c>x</c>. V*(x) = (r_x + γ·max(r_x, r_y))/(1−γ²); POWER(x) = (4+3γ)/(6(1+γ)) under uniform(0,1).
    /// </summary>
    public static Mdp LoopVersusTwoCycle() =>
        new MdpBuilder("loop-vs-2-cycle")
            .AddStates("x", "y")
            .AddAction("x", "stay", "x").AddAction("x", "go", "y")
            .AddAction("y", "back", "x")
            .Build();

    /// <summary>
    /// The sub-optimal-POWER example of OPTSP App. C (Fig. 11; docs/theory.md §4.2 item 8): <c>s0</c> → {<c>sl</c> via
    /// <c>left</c>, <c>sr</c> via <c>right</c>}; <c>sl</c> → {<c>s1</c>, <c>s2</c>}; <c>sr</c> → {<c>s3</c>, <c>s4</c>, <c>s5</c>};
    /// s1…s5 absorbing. Under IID uniform(0,1) rewards at γ → 1, POWER(s0) is 5/6 with optimal play (E[max of 5]).
    /// </summary>
    public static Mdp OptspAppendixC()
    {
        var b = new MdpBuilder("optsp-appc").AddStates("s0", "sl", "sr", "s1", "s2", "s3", "s4", "s5");
        b.AddAction("s0", "left", "sl").AddAction("s0", "right", "sr");
        b.AddAction("sl", "to_s1", "s1").AddAction("sl", "to_s2", "s2");
        b.AddAction("sr", "to_s3", "s3").AddAction("sr", "to_s4", "s4").AddAction("sr", "to_s5", "s5");
        for (int i = 1; i <= 5; i++) b.AddAction($"s{i}", "stay", $"s{i}");
        return b.SetLabel("sl", "s_ℓ").SetLabel("sr", "s_r").Build();
    }

    /// <summary>
    /// PRDM's Pac-Man toy (Turner &amp; Tadepalli 2022, §2) as an MDP: from <c>start</c>, <c>left</c> meets the
    /// <c>ghost</c> (absorbing: outcome set A = {ghost}); <c>right</c> reaches <c>fork</c>, where <c>apple</c> and
    /// <c>cherry</c> (absorbing) can be taken (B = {apple, cherry}). B holds two copies of A, so as γ → 1 <c>right</c> is
    /// optimal for 2/3 of IID outcome rewards and of every reward orbit.
    /// </summary>
    public static Mdp PrdmPacMan() =>
        new MdpBuilder("prdm-pacman")
            .AddStates("start", "ghost", "fork", "apple", "cherry")
            .AddAction("start", "left", "ghost").AddAction("start", "right", "fork")
            .AddAction("fork", "apple", "apple").AddAction("fork", "cherry", "cherry")
            .AddAction("ghost", "stay", "ghost").AddAction("apple", "stay", "apple").AddAction("cherry", "stay", "cherry")
            .Build();
}
