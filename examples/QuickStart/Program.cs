// QuickStart: optimal values on OPTSP Figure 1 (Turner et al. 2021).
//
// Builds the paper's 8-state deterministic MDP, draws one reward vector R(s) ~ uniform(0,1) from a fixed seed,
// and solves V*(s) = R(s) + γ·max_a V*(next(s, a)) at a few discount rates γ by policy iteration (exact, the
// reference solver), printing the optimal action(s) and, for contrast, V* from value iteration.
// Later this example will show POWER, the average optimal value over many such rewards.
using System.Globalization;
using PowerTheory.Environments;
using PowerTheory.Solvers;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var mdp = PaperMdps.OptspFigure1();
const int seed = 2021;
var random = new Random(seed);
var reward = new double[mdp.StateCount];
for (int s = 0; s < mdp.StateCount; s++) reward[s] = random.NextDouble();

Console.WriteLine($"OPTSP Figure 1: {mdp.StateCount} states, {mdp.StateActionCount} state-action pairs.");
Console.WriteLine($"Reward R(s) ~ uniform(0,1), seed {seed}:");
Console.WriteLine("  " + string.Join("  ", mdp.StateNames.Select((name, s) => $"{name}={reward[s]:F3}")));

var firstMoves = new List<string>();
foreach (double gamma in new[] { 0.1, 0.5, 0.9 })
{
    var exact = PolicyIteration.Solve(mdp, reward, gamma);
    var iterative = ValueIteration.Solve(mdp, reward, gamma, accuracy: 1e-10);

    Console.WriteLine();
    Console.WriteLine($"γ = {gamma}  (policy iteration: {exact.Iterations} policy evaluation(s); " +
                      $"value iteration: {iterative.Iterations} sweeps)");
    int star = mdp.StateIndex("star");
    firstMoves.Add($"γ = {gamma}: {string.Join(" or ", exact.OptimalActions(star).Select(a => mdp.ActionName(star, a)))}");
    Console.WriteLine($"  {"state",-6} {"R(s)",7} {"V* (PI)",12} {"V* (VI)",12} {"|PI - VI|",10}  optimal action(s)");
    for (int s = 0; s < mdp.StateCount; s++)
    {
        var actions = string.Join(", ", exact.OptimalActions(s).Select(a => mdp.ActionName(s, a)));
        double gap = Math.Abs(exact[s] - iterative[s]);
        Console.WriteLine($"  {mdp.StateNames[s],-6} {reward[s],7:F3} {exact[s],12:F6} {iterative[s],12:F6} {gap,10:0.0E+00}  {actions}");
    }
}

Console.WriteLine();
Console.WriteLine("Optimal first move from star: " + string.Join("; ", firstMoves) + ".");
