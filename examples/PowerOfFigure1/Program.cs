// POWER of every state of OPTSP Figure 1 at γ ∈ {0, 0.5, 0.9, 0.99, 1}, estimated by Monte Carlo under IID uniform(0,1)
// rewards, beside the closed forms of docs/theory.md §4.1 where they exist.
using System.Globalization;
using PowerTheory.Environments;
using PowerTheory.Power;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var mdp = PaperMdps.OptspFigure1();
double[] gammas = { 0, 0.5, 0.9, 0.99, 1 };
var result = new PowerEstimator(mdp).Estimate(gammas, new PowerOptions { Samples = 40_000, Seed = 1 });

static double LeftLoop(double g) => (4 + 3 * g) / (6 * (1 + g)); // ℓ↙ and ℓ◁: (4+3γ)/(6(1+γ))
double? ClosedForm(string state, double g) => state switch
{
    "empty" => 0.5,
    "l" or "l_sw" => LeftLoop(g),
    "r" or "r_se" => 2.0 / 3,
    "star" when g == 0 => 0.75,
    _ => null,
};

Console.WriteLine($"POWER on OPTSP Figure 1, reward {result.RewardSpec} IID, N = {result.Samples} samples, seed {result.Seed}");
Console.WriteLine("(estimate ± standard error; closed form in brackets where docs/theory.md §4.1 gives one)");
Console.WriteLine();
Console.Write($"{"state",-12}");
foreach (var g in gammas) Console.Write($"{"γ = " + g,-28}");
Console.WriteLine();
for (int s = 0; s < mdp.StateCount; s++)
{
    string name = mdp.StateNames[s];
    string label = mdp.Labels.TryGetValue(name, out var l) ? l : name;
    Console.Write($"{label + " (" + name + ")",-12}");
    foreach (var at in result.ByGamma)
    {
        var p = at.Power(s);
        var exact = ClosedForm(name, at.Gamma);
        string cell = $"{p.Mean:F4} ± {p.StandardError:F4}" + (exact is { } e ? $" [{e:F4}]" : " [—]");
        Console.Write($"{cell,-28}");
    }
    Console.WriteLine();
}
Console.WriteLine();
Console.WriteLine("[—]: no closed form in docs/theory.md (ℓ↖ and r↗ are not covered; ⋆ has one only at γ = 0, where it is 3/4).");
Console.WriteLine("γ = 0 and γ = 1 are computed by their limit formulas: the best expected next-state reward, and the best");
Console.WriteLine("reachable average reward (maximum mean cycle), exactly per sample.");
