using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Power;
using PowerTheory.Rewards;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Cli;

/// <summary>Inputs found by an adversarial pass (issue #8): each is refused at load, or before any number is printed,
/// with one line that names the field and what was expected — never a silent "last one wins", a late failure, or
/// Infinity/NaN in the output.</summary>
public class AdversarialInputTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void DuplicatedTopLevelKeyIsRefused()
    {
        const string json = """{"states":["a"],"states":["a","b"],"transitions":{"a":{"stay":"a"},"b":{"stay":"b"}}}""";
        var e = Assert.Throws<MdpValidationException>(() => MdpJson.Parse(json));
        Assert.That(e!.Message, Does.Contain("duplicated key 'states'"));
        CliRun.Of("validate", _dir.Write("dup.json", json)).AssertCleanError(1, "dup.json", "duplicated key 'states'");
    }

    [Test]
    public void DuplicatedNestedKeyIsRefused()
    {
        const string json = """{"states":["a"],"transitions":{"a":{"stay":"a","stay":"a"}}}""";
        CliRun.Of("validate", _dir.Write("dup.json", json)).AssertCleanError(1, "duplicated key 'stay'");
    }

    [Test]
    public void InvalidRewardSpecInTheFileIsRefusedAtLoad()
    {
        const string json = """{"states":["a"],"transitions":{"a":{"stay":"a"}},"reward":"gauss(0,1)"}""";
        CliRun.Of("validate", _dir.Write("spec.json", json)).AssertCleanError(1, "field 'reward'", "gauss", "expected uniform");
    }

    [Test]
    public void RewardsWhoseValuesOverflowAreRefusedWithTheBound()
    {
        const string json = """{"states":["a","b"],"transitions":{"a":{"stay":"a","go":"b"},"b":{"stay":"b"}},"rewards":{"a":1e308,"b":0}}""";
        var path = _dir.Write("big.json", json);
        foreach (var format in new[] { "text", "csv", "json" })
        {
            var run = CliRun.Of("values", path, "-g", "0.9", "-f", format);
            run.AssertCleanError(1, "state 'a'", "1E+300", "rescale");
            Assert.That(run.Out, Does.Not.Contain("Infinity").And.Not.Contain("NaN"), format);
        }
        var mdp = MdpJson.Parse(json).Mdp;
        foreach (Func<OptimalValues> solve in new Func<OptimalValues>[]
                 {
                     () => PolicyIteration.Solve(mdp, [1e308, 0], 0.9),
                     () => ValueIteration.Solve(mdp, [1e308, 0], 0.9),
                     () => LinearProgramSolver.Solve(mdp, [1e308, 0], 0.9),
                 })
            Assert.That(() => solve(), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contain("1E+300"));
        // Inside the range: finite values, r/(1−γ) at the absorbing state b with r(b) = 5e298.
        var v = PolicyIteration.Solve(mdp, [0, 5e298], 0.9);
        Assert.That(v[mdp.StateIndex("b")], Is.EqualTo(5e299).Within(1e286));
    }

    [Test]
    public void PowerRefusesRewardLawsWhoseValuesOverflow()
    {
        CliRun.Of("power", "optsp-fig1", "-g", "0.9", "--reward", "uniform(0,1e306)", "-n", "50", "--no-progress", "-f", "json")
            .AssertCleanError(1, "sampled rewards", "1E+140");
        // Monte Carlo statistics carry rewards up to 1e140 at every γ (the variance of 10⁹ samples must fit in a double).
        var huge = new PowerEstimator(PaperMdps.OptspFigure1(), RewardDistribution.Iid(ScalarDistribution.Uniform(0, 5e299)));
        foreach (double gamma in new[] { 0.9, 1.0 })
            Assert.That(() => huge.Estimate(gamma, new PowerOptions { Samples = 10 }),
                Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contain("1E+140"));
        // Just inside: POWER scales with the law, so uniform(0, 2^460) gives exactly 2^460 times uniform(0,1) on the same
        // samples (a power of two: the scaling is exact), with a finite standard error.
        double c = Math.ScaleB(1, 460);
        var big = new PowerEstimator(PaperMdps.OptspFigure1(), RewardDistribution.Iid(ScalarDistribution.Uniform(0, c)))
            .Estimate(1.0, new PowerOptions { Samples = 200, Seed = 3 }).Power(0);
        var unit = new PowerEstimator(PaperMdps.OptspFigure1()).Estimate(1.0, new PowerOptions { Samples = 200, Seed = 3 }).Power(0);
        Assert.That(big.Mean, Is.EqualTo(c * unit.Mean).Within(1e-12 * c));
        Assert.That(big.StandardError, Is.EqualTo(c * unit.StandardError).Within(1e-9 * c * unit.StandardError));
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    public void VerticesSaysWhichGammaItUsesForAnEndpointFileGamma(double fileGamma)
    {
        string json = "{\"gamma\":" + fileGamma.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            ",\"states\":[\"s\",\"a\",\"b\"],\"transitions\":{\"s\":{\"l\":\"a\",\"r\":\"b\"},\"a\":{\"stay\":\"a\"},\"b\":{\"stay\":\"b\"}}}";
        var path = _dir.Write("endpoint.json", json);
        var run = CliRun.Of("vertices", path, "--state", "s", "-f", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Err, Does.StartWith("note: vertices at gamma = default 0.37").And.Contain("is an endpoint"));
        Assert.That(run.Out, Does.Contain("\"gammaSource\"").And.Contain("is an endpoint"));
        var given = CliRun.Of("vertices", path, "--state", "s", "-g", "0.5", "-f", "json");
        Assert.That(given.Err, Is.Empty, "an explicit --gamma needs no note");
        Assert.That(given.Out, Does.Contain("\"gammaSource\": \"--gamma\""));
    }
}
