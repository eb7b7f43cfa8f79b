using PowerTheory.Mdps;

namespace PowerTheory.Environments;

/// <summary>
/// The registry of built-in environments by name: the papers' example MDPs (<see cref="PaperMdps"/>), the gridworld
/// maps (<see cref="GridMaps"/>) and the closed-form micro-MDPs. Names are stable, lower-case kebab-case and unique.
/// </summary>
public static class BuiltInEnvironments
{
    private static readonly BuiltInEnvironment[] Environments =
    [
        new("optsp-fig1", "OPTSP Figure 1: 8 deterministic states; star chooses a terminal state, a left or a right branch",
            PaperMdps.OptspFigure1),
        new("grid3", "3x3 open gridworld (9 cells; up/down/left/right/stay)",
            () => Gridworld.FromAscii(GridMaps.Grid3, name: "grid3")),
        new("maze7", "7x7 maze gridworld (31 open cells)",
            () => Gridworld.FromAscii(GridMaps.Maze7, name: "maze7")),
        new("map20", "20x20 gridworld map (220 open cells)",
            () => Gridworld.FromAscii(GridMaps.Map20, name: "map20")),
        new("shutdown", "off-switch gridworld: walk into shutdown, or press a button to disable it and reach a goal room (11 states)",
            ShutdownGridworld.Create),
        new("gamble-or-safe", "stochastic: s0 gambles between t1 and t2 (1/2 each) or safely moves to t3",
            PaperMdps.GambleOrSafe),
        new("loop-vs-2-cycle", "x has a self-loop and a move to y; y can only return to x",
            PaperMdps.LoopVersusTwoCycle),
        new("terminal-options-3", "s chooses one of 3 absorbing terminal states t1..t3",
            () => PaperMdps.TerminalOptions(3)),
        new("loop-plus-3-terminals", "s has a self-loop and moves to 3 absorbing terminal states t1..t3",
            () => PaperMdps.SelfLoopPlusTerminals(3)),
        new("terminal", "a single absorbing state t",
            PaperMdps.TerminalState),
    ];

    /// <summary>Every built-in environment, in a fixed order (paper examples first, then gridworlds, then micro-MDPs).</summary>
    public static IReadOnlyList<BuiltInEnvironment> All { get; } = Array.AsReadOnly(Environments);

    /// <summary>The names of every built-in environment, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Environments.Select(e => e.Name).ToArray());

    /// <summary>Finds a built-in environment by exact (ordinal) name.</summary>
    /// <returns>True when <paramref name="name"/> is a built-in name.</returns>
    public static bool TryGet(string name, out BuiltInEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var e in Environments)
        {
            if (string.Equals(e.Name, name, StringComparison.Ordinal))
            {
                environment = e;
                return true;
            }
        }
        environment = null!;
        return false;
    }

    /// <summary>Finds a built-in environment by name.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a built-in name (the message lists the names).</exception>
    public static BuiltInEnvironment Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, out var e)
            ? e
            : throw new ArgumentException(
                $"unknown built-in environment '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Builds the MDP of the built-in environment <paramref name="name"/> (shortcut for <c>Get(name).Create()</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a built-in name.</exception>
    public static Mdp Create(string name) => Get(name).Create();
}
