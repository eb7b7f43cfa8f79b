// begin worked example: law
using MathNet.Numerics.Distributions;
using PowerTheory.Rewards;

namespace PowerTheory.Tests.Architecture.WorkedExamples;

/// <summary>The log-normal law: R = exp(μ + σZ) with Z standard normal; mean exp(μ + σ²/2).</summary>
public sealed class LogNormalLaw(double mu, double sigma) : ScalarDistribution
{
    public override double Lower => 0;
    public override double Upper => double.PositiveInfinity;
    public override bool IsContinuous => true;
    public override double Mean => Math.Exp(mu + sigma * sigma / 2);
    public override string Spec => FormattableString.Invariant($"lognormal({mu:R},{sigma:R})");
    public override double Sample(Random random) => LogNormal.Sample(random, mu, sigma);
}
// end worked example
