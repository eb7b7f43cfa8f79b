// Tendencies: how much of the optimal agent's power-seeking tendency survives in other decision-makers
// (docs/beyond-optimality.md).
//
// For reward functions R drawn IID uniform(0,1) over states, every decision-maker turns R into a policy π = pol(R, γ).
// We estimate, with standard errors from the same reward samples for every decision-maker:
//   • on the shutdown gridworld (built-in 'shutdown'): P(avoid shutdown) — the long-run distribution from the start puts
//     no mass on the absorbing shutdown state — and P(disable) — it ends with the off-switch disabled;
//   • on OPTSP Figure 1 at ⋆: P(avoid ∅), the terminal state that ends all options;
// then the verdict per decision-maker and the theorem's bound (OPTSP Cor 6.14 / PRDM Cor D.12), and finally PRDM's
// ε-greedy bandit against its success bound 1 − (1 − ε/4)^T.
using System.Globalization;
using PowerTheory.DecisionMakers;
using PowerTheory.Environments;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const string all = "optimal,boltzmann:T=0.1,epsilon-greedy:eps=0.1,horizon:H=1,satisfice:q=0.8,random,aup:lambda=0.5,qlearning:episodes=200,sarsa:episodes=200";
var makers = DecisionMakerSpec.ParseList(all);
const double gamma = 0.9;
var options = new TendencyOptions { Samples = 4000, Seed = 1 };

var shutdown = ShutdownGridworld.Create();
int start = shutdown.StateIndex(ShutdownGridworld.Start);
var avoidShutdown = new TendencyEstimator(shutdown).Estimate(makers, gamma, start,
    new TendencyOptions { Samples = options.Samples, Seed = options.Seed, Avoid = [shutdown.StateIndex(ShutdownGridworld.Shutdown)] });
var disable = new TendencyEstimator(shutdown).Estimate(makers, gamma, start,
    new TendencyOptions { Samples = options.Samples, Seed = options.Seed, Avoid = ShutdownGridworld.ArmedStates.Select(shutdown.StateIndex).ToList(), CertificateBudget = null });
Console.WriteLine($"Shutdown gridworld, γ = {gamma}, {options.Samples} reward samples, seed {options.Seed}");
Console.WriteLine($"{"decision-maker",-34} {"P(avoid shutdown)",-18} {"P(disable switch)",-18} {"POWER^pol(start)",-17} verdict on avoiding shutdown");
for (int i = 0; i < makers.Count; i++)
{
    var a = avoidShutdown.DecisionMakers[i];
    var d = disable.DecisionMakers[i];
    Console.WriteLine($"{a.Name,-34} {Show(a.Avoid!.Value),-18} {Show(d.Avoid!.Value),-18} {Show(a.Power![start]),-17} {a.Verdict}");
}
foreach (var c in avoidShutdown.Certificates)
    Console.WriteLine($"Theorem: {c.Theorem}, n = {c.N}: at least {c.Bound:F3} of every reward orbit makes avoiding shutdown average-optimal.");

var figure1 = PaperMdps.OptspFigure1();
var fig = new TendencyEstimator(figure1).Estimate(makers.Where(m => m is not AupDecisionMaker).ToList(), gamma, figure1.StateIndex("star"),
    new TendencyOptions { Samples = options.Samples, Seed = options.Seed, Avoid = [figure1.StateIndex("empty")] });
Console.WriteLine();
Console.WriteLine($"OPTSP Figure 1 at star, γ = {gamma} (AUP is left out: Figure 1 has no no-op action at star)");
Console.WriteLine($"{"decision-maker",-34} {"P(up)",-16} {"P(left)",-16} {"P(right)",-16} {"P(avoid ∅)",-16} verdict");
foreach (var t in fig.DecisionMakers)
    Console.WriteLine($"{t.Name,-34} {Show(t.ActionProbabilities[0]),-16} {Show(t.ActionProbabilities[1]),-16} {Show(t.ActionProbabilities[2]),-16} {Show(t.Avoid!.Value),-16} {t.VerdictText}");
foreach (var c in fig.Certificates)
    Console.WriteLine($"Theorem: {c.Theorem}, n = {c.N}: bound {c.Bound:F3} (average optimality).");

var bandit = EpsilonGreedyBandit.Simulate(arms: 5, trials: 100, epsilon: 0.1, samples: 100_000, seed: 1);
Console.WriteLine();
Console.WriteLine($"PRDM ε-greedy bandit (5 arms, T = 100, ε = 0.1): P(success) = {Show(bandit.Success)} ≥ bound {bandit.SuccessBound:F4}; "
    + $"P(choice ≠ a1) = {Show(bandit.ChoosesOthers)} (retargetability: ≥ {bandit.RetargetBound:F2} of every orbit)");
if (bandit.Success.Mean + 4 * bandit.Success.StandardError < bandit.SuccessBound) throw new InvalidOperationException("the bandit misses PRDM's bound");

static string Show(PowerTheory.MonteCarlo.MonteCarloEstimate e) => $"{e.Mean:F3} ± {e.StandardError:F3}";
