using PowerTheory.Mdps;

namespace PowerTheory.Environments;

/// <summary>
/// The registry of built-in environments by name: the papers' example MDPs (<see cref="PaperMdps"/>), the gridworld
/// maps (<see cref="GridMaps"/>) and the closed-form micro-MDPs. Names are stable, lower-case kebab-case and unique.
/// </summary>
public static class BuiltInEnvironments
{
    private static readonly EnvironmentParameter Slip =
        new("slip", "probability that a move is replaced by a uniformly random available action", 0, 0, 1, MaxExclusive: true);

    private static readonly BuiltInEnvironment[] Environments =
    [
        new("optsp-fig1", "OPTSP Figure 1: 8 deterministic states; star chooses a terminal state, a left or a right branch",
            PaperMdps.OptspFigure1),
        new("optsp-appc", "OPTSP App. C (Fig. 11): s0 chooses sl (2 terminal options) or sr (3); POWER(s0) at γ→1 is 5/6 under uniform(0,1)",
            PaperMdps.OptspAppendixC),
        new("prdm-pacman", "PRDM §2 Pac-Man toy: left meets the ghost; right reaches a fork with apple and cherry (all terminal)",
            PaperMdps.PrdmPacMan),
        new("grid3", "3x3 open gridworld (9 cells; up/down/left/right/stay), POWERplay's 3x3 grid",
            [Slip], a => Gridworld.FromAscii(GridMaps.Grid3, a["slip"], name: "grid3")),
        new("maze7", "7x7 maze gridworld (31 open cells), POWERplay's 7x7 maze",
            [Slip], a => Gridworld.FromAscii(GridMaps.Maze7, a["slip"], name: "maze7")),
        new("map20", "20x20 gridworld map (220 open cells), POWERplay's 20x20 robot-face map",
            [Slip], a => Gridworld.FromAscii(GridMaps.Map20, a["slip"], name: "map20")),
        new("open", "wall-free rows x cols gridworld",
            [new("rows", "number of rows", 5, 1, 10_000, IsInteger: true), new("cols", "number of columns", 5, 1, 10_000, IsInteger: true), Slip],
            a => Gridworld.Open(a.Int("rows"), a.Int("cols"), a["slip"], name: "open")),
        new("chain4-stochastic", "4 cells in a line; left/right move with probability p (else stay put), stay is sure",
            [new EnvironmentParameter("p", "probability that a move happens", 0.8, 0.01, 1)],
            a => StochasticChain.Create(4, a["p"])),
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

    /// <summary>Builds the MDP of a built-in environment given as <c>NAME</c> or <c>NAME:key=value,…</c>
    /// (e.g. <c>map20:slip=0.1</c>).</summary>
    /// <exception cref="ArgumentException">Not a built-in name, or a bad parameter (the message says which).</exception>
    public static Mdp Create(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryCreate(spec, out var mdp) ? mdp
            : throw new ArgumentException(
                $"unknown built-in environment '{BaseName(spec)}'; known: {string.Join(", ", Names)}.", nameof(spec));
    }

    /// <summary>Builds the MDP of <c>NAME</c> or <c>NAME:key=value,…</c> when NAME is a built-in name.</summary>
    /// <returns>False when NAME is not a built-in name.</returns>
    /// <exception cref="ArgumentException">NAME is built in but the parameters are malformed, unknown or out of range.</exception>
    public static bool TryCreate(string spec, out Mdp mdp)
    {
        ArgumentNullException.ThrowIfNull(spec);
        mdp = null!;
        if (!TryGet(BaseName(spec), out var environment)) return false;
        Internal.NamedSpec parsed;
        try
        {
            parsed = Internal.NamedSpec.Parse(spec);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"environment {e.Message}", nameof(spec), e);
        }
        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in parsed.Arguments) arguments[key] = value;
        mdp = environment.Create(arguments);
        return true;
    }

    private static string BaseName(string spec)
    {
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? spec : spec[..colon];
    }
}
