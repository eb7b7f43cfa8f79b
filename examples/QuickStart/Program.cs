// QuickStart: POWER and optimal values on OPTSP Figure 1 (Turner et al. 2021).
//
// Part 1 estimates POWER_D(s,γ) = (1−γ)/γ·E_R[V*_R(s,γ) − R(s)] of every state under IID uniform(0,1) rewards by
// Monte Carlo (exact V* per sample), with standard errors and 95% intervals, and the probability that each first
// move from the start state is optimal.
// Part 2 draws one reward vector R(s) ~ uniform(0,1) from a fixed seed and solves
// V*(s) = R(s) + γ·max_a V*(next(s, a)) at a few discount rates γ by policy iteration (exact, the reference solver),
// printing the optimal action(s) and, for contrast, V* from value iteration.
using System.Globalization;
using PowerTheory.Environments;
using PowerTheory.Power;
using PowerTheory.Solvers;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var mdp = PaperMdps.OptspFigure1();

const double powerGamma = 0.9;
var power = new PowerEstimator(mdp).Estimate(powerGamma, new PowerOptions { Samples = 20_000, Seed = 1 });
Console.WriteLine($"POWER on OPTSP Figure 1 at γ = {powerGamma}, rewards IID uniform(0,1), 20000 samples, seed 1:");
Console.WriteLine($"  {"state",-6} {"label",-5} {"POWER",8} {"± stderr",9}  95% interval");
for (int s = 0; s < mdp.StateCount; s++)
{
    var p = power.Power(s);
    string label = mdp.Labels.TryGetValue(mdp.StateNames[s], out var l) ? l : "";
    Console.WriteLine($"  {mdp.StateNames[s],-6} {label,-5} {p.Mean,8:F4} {p.StandardError,9:F4}  [{p.Ci95Lower:F4}, {p.Ci95Upper:F4}]");
}
int start = mdp.StateIndex("star");
Console.WriteLine("  P(first move from star is optimal): " + string.Join(", ",
    Enumerable.Range(0, mdp.ActionCount(start)).Select(a =>
    {
        var p = power.OptimalityProbability(start, a);
        return $"{mdp.ActionName(start, a)} {p.Mean:F3} ± {p.StandardError:F3}";
    })));
Console.WriteLine("  Closed forms (docs/theory.md §4.1): POWER(empty) = 1/2, POWER(r_se) = 2/3, " +
                  $"POWER(l_sw) = (4+3γ)/(6(1+γ)) = {(4 + 3 * powerGamma) / (6 * (1 + powerGamma)):F4}.");
Console.WriteLine();
Console.WriteLine("Optimal values for one sampled reward:");
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
