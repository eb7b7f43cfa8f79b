using PowerTheory.Environments;
using PowerTheory.Mdps;

namespace PowerTheory.Tests;

/// <summary>
/// The shared algorithm corpus: one set of named MDPs over which every solver, every policy evaluator and every
/// decision-maker is run and cross-checked (<see cref="Corpus.CorpusCrossCheckTests"/>). It holds the papers'
/// examples, gridworlds with and without slip, seeded random MDPs (deterministic and stochastic, several sizes) and
/// degenerate cases: a single absorbing state, all self-loops, exact ties between actions, a transient chain into two
/// absorbing ends. Add a model here and every algorithm is checked on it.
/// </summary>
public static class AlgorithmCorpus
{
    /// <summary>The corpus by name; each call builds a fresh instance.</summary>
    public static IReadOnlyList<(string Name, Func<Mdp> Build)> Models { get; } =
    [
        ("optsp-fig1", () => BuiltInEnvironments.Create("optsp-fig1")),
        ("optsp-appc", () => BuiltInEnvironments.Create("optsp-appc")),
        ("prdm-pacman", () => BuiltInEnvironments.Create("prdm-pacman")),
        ("shutdown", () => BuiltInEnvironments.Create("shutdown")),
        ("gamble-or-safe", () => BuiltInEnvironments.Create("gamble-or-safe")),
        ("loop-vs-2-cycle", () => BuiltInEnvironments.Create("loop-vs-2-cycle")),
        ("chain4-stochastic", () => BuiltInEnvironments.Create("chain4-stochastic")),
        ("grid3", () => BuiltInEnvironments.Create("grid3")),
        ("grid3-slip", () => BuiltInEnvironments.Create("grid3:slip=0.2")),
        ("maze7", () => BuiltInEnvironments.Create("maze7")),
        ("maze7-slip", () => BuiltInEnvironments.Create("maze7:slip=0.1")),
        ("open-12x12-slip", () => BuiltInEnvironments.Create("open:rows=12,cols=12,slip=0.1")),
        ("random-det-6", () => RandomMdps.Create(new Random(601), 6, 3, stochastic: false)),
        ("random-det-40", () => RandomMdps.Create(new Random(4001), 40, 4, stochastic: false)),
        ("random-stoch-6", () => RandomMdps.Create(new Random(602), 6, 3, stochastic: true)),
        ("random-stoch-40", () => RandomMdps.Create(new Random(4002), 40, 4, stochastic: true)),
        ("single-state", () => BuiltInEnvironments.Create("terminal")),
        ("all-self-loops", SelfLoops),
        ("exact-ties", Ties),
        ("two-absorbing-ends", TwoEnds),
    ];

    /// <summary>Three states, each with only a self-loop.</summary>
    private static Mdp SelfLoops()
    {
        var b = new MdpBuilder("all-self-loops");
        foreach (var s in new[] { "x", "y", "z" }) b.AddState(s);
        foreach (var s in new[] { "x", "y", "z" }) b.AddAction(s, "stay", s);
        return b.Build();
    }

    /// <summary>Two actions with identical rows at every state (every optimal-action set has both), one stochastic.</summary>
    private static Mdp Ties()
    {
        var b = new MdpBuilder("exact-ties");
        foreach (var s in new[] { "s", "t", "u" }) b.AddState(s);
        b.AddAction("s", "a", ("t", 0.5), ("u", 0.5));
        b.AddAction("s", "b", ("t", 0.5), ("u", 0.5));
        b.AddAction("t", "a", "s");
        b.AddAction("t", "b", "s");
        b.AddAction("u", "a", "u");
        b.AddAction("u", "b", "u");
        return b.Build();
    }

    /// <summary>A 7-cell line whose ends are absorbing; inner cells move left or right.</summary>
    private static Mdp TwoEnds()
    {
        var b = new MdpBuilder("two-absorbing-ends");
        for (int s = 0; s < 7; s++) b.AddState($"c{s}");
        b.AddAction("c0", "stay", "c0");
        b.AddAction("c6", "stay", "c6");
        for (int s = 1; s < 6; s++)
        {
            b.AddAction($"c{s}", "left", ($"c{s - 1}", 0.9), ($"c{s}", 0.1));
            b.AddAction($"c{s}", "right", $"c{s + 1}");
        }
        return b.Build();
    }
}
