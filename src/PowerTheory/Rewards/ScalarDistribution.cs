using System.Globalization;
using MathNet.Numerics.Distributions;

namespace PowerTheory.Rewards;

/// <summary>
/// A probability law X over ℝ for the reward of one state (or of a tied group of states). Sampling delegates to
/// MathNet.Numerics and draws only from the <see cref="Random"/> it is given, so a seeded generator fixes every draw.
/// </summary>
/// <remarks>
/// <para>Every law knows its support bounds [<see cref="Lower"/>, <see cref="Upper"/>] (possibly infinite), whether it is
/// atomless (<see cref="IsContinuous"/>: ties between distinct linear functionals of the rewards then have probability 0),
/// its mean, and its canonical spec string (<see cref="Spec"/>, parseable by <see cref="RewardSpecParser.ParseLaw"/>).</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public abstract partial class ScalarDistribution
{
    private protected ScalarDistribution() { }

    /// <summary>The infimum of the support (−∞ when unbounded below).</summary>
    public abstract double Lower { get; }

    /// <summary>The supremum of the support (+∞ when unbounded above).</summary>
    public abstract double Upper { get; }

    /// <summary>True when the support is bounded (both <see cref="Lower"/> and <see cref="Upper"/> finite).</summary>
    public bool IsBounded => double.IsFinite(Lower) && double.IsFinite(Upper);

    /// <summary>True when the law has no atoms (absolutely continuous), so exact ties have probability 0.</summary>
    public abstract bool IsContinuous { get; }

    /// <summary>The mean E[X].</summary>
    public abstract double Mean { get; }

    /// <summary>The canonical spec string, e.g. <c>uniform(0,1)</c>.</summary>
    public abstract string Spec { get; }

    /// <summary>Draws one value of X using <paramref name="random"/> only.</summary>
    public abstract double Sample(Random random);

    /// <summary>The quantile function F⁻¹(u) = inf{x : F(x) ≥ u} for u ∈ (0,1), so that F⁻¹(U) has the law X when
    /// U ~ uniform(0,1) (inverse-CDF sampling, used by the quasi-Monte Carlo sampler; docs/power.md). MathNet's inverse
    /// distribution functions where they exist; exact for discrete laws.</summary>
    /// <exception cref="NotSupportedException">The law has no quantile function (<see cref="HasQuantile"/> is false).</exception>
    public virtual double Quantile(double u) => throw new NotSupportedException($"the law '{Spec}' has no quantile function.");

    /// <summary>The distribution function F(x) = P(X ≤ x).</summary>
    /// <exception cref="NotSupportedException">The law has no distribution function (<see cref="HasQuantile"/> is false).</exception>
    public virtual double Cdf(double x) => throw new NotSupportedException($"the law '{Spec}' has no distribution function.");

    /// <summary>True when <see cref="Quantile"/> and <see cref="Cdf"/> are available (every built-in law; a law added
    /// without them is still sampled, but not by inverse CDF).</summary>
    public virtual bool HasQuantile => false;

    /// <summary>True when X and 2·E[X] − X have the same law, so antithetic pairs (X, 2E[X] − X) keep it.</summary>
    public virtual bool IsSymmetric => false;

    /// <summary>The atoms of a discrete law (values with positive probability, ascending), null for an atomless law.</summary>
    internal virtual IReadOnlyList<double>? Atoms => null;

    /// <summary>Points where the density is not smooth, inside (Lower, Upper) (the mode of a triangular law).</summary>
    internal virtual IReadOnlyList<double> Kinks => [];

    /// <inheritdoc />
    public override string ToString() => Spec;

    /// <summary>The continuous uniform law on [a, b], a &lt; b finite. Mean (a+b)/2.</summary>
    public static ScalarDistribution Uniform(double lower = 0.0, double upper = 1.0)
    {
        CheckFinite(lower, nameof(lower), "uniform");
        CheckFinite(upper, nameof(upper), "uniform");
        if (!(lower < upper))
            throw new ArgumentOutOfRangeException(nameof(upper), upper,
                $"uniform(a,b) needs a < b; got a = {F(lower)}, b = {F(upper)}.");
        return new UniformLaw(lower, upper);
    }

    /// <summary>The Beta(α, β) law on [0, 1], α, β &gt; 0. Mean α/(α+β).</summary>
    public static ScalarDistribution Beta(double alpha, double beta)
    {
        CheckPositive(alpha, nameof(alpha), "beta");
        CheckPositive(beta, nameof(beta), "beta");
        return new BetaLaw(alpha, beta);
    }

    /// <summary>The triangular law on [lower, upper] with the given mode, lower ≤ mode ≤ upper, lower &lt; upper.</summary>
    public static ScalarDistribution Triangular(double lower, double upper, double mode)
    {
        CheckFinite(lower, nameof(lower), "triangular");
        CheckFinite(upper, nameof(upper), "triangular");
        CheckFinite(mode, nameof(mode), "triangular");
        if (!(lower < upper) || mode < lower || mode > upper)
            throw new ArgumentOutOfRangeException(nameof(mode), mode,
                $"triangular(lower,upper,mode) needs lower < upper and lower ≤ mode ≤ upper; got {F(lower)}, {F(upper)}, {F(mode)}.");
        return new TriangularLaw(lower, upper, mode);
    }

    /// <summary>The Bernoulli(p) law on {0, 1}, p ∈ [0, 1]. Mean p. Has atoms: ties have positive probability.</summary>
    public static ScalarDistribution Bernoulli(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, $"bernoulli(p) needs p in [0, 1]; got {F(p)}.");
        return new DiscreteLaw(new[] { 0.0, 1.0 }, new[] { 1 - p, p }, $"bernoulli({F(p)})");
    }

    /// <summary>The point mass at x (a constant reward).</summary>
    public static ScalarDistribution Point(double x)
    {
        CheckFinite(x, nameof(x), "point");
        return new DiscreteLaw(new[] { x }, new[] { 1.0 }, $"point({F(x)})");
    }

    /// <summary>A discrete law: value v_i with probability p_i. Probabilities must be non-negative and sum to 1 within
    /// 1e-9; values finite.</summary>
    public static ScalarDistribution Discrete(IReadOnlyList<double> values, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (values.Count == 0 || values.Count != probabilities.Count)
            throw new ArgumentException(
                $"discrete needs as many probabilities as values (at least one); got {values.Count} values and {probabilities.Count} probabilities.",
                nameof(probabilities));
        double sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            CheckFinite(values[i], $"values[{i}]", "discrete");
            if (double.IsNaN(probabilities[i]) || probabilities[i] < 0 || probabilities[i] > 1)
                throw new ArgumentOutOfRangeException(nameof(probabilities), probabilities[i],
                    $"discrete: probability of value {F(values[i])} must be in [0, 1]; got {F(probabilities[i])}.");
            sum += probabilities[i];
        }
        if (Math.Abs(sum - 1) > 1e-9)
            throw new ArgumentException($"discrete: probabilities must sum to 1; they sum to {F(sum)}.", nameof(probabilities));
        var spec = "discrete(" + string.Join(",", values.Select((v, i) => $"{F(v)}:{F(probabilities[i])}")) + ")";
        return new DiscreteLaw(values.ToArray(), probabilities.ToArray(), spec);
    }

    /// <summary>The normal law N(μ, σ²), σ &gt; 0. Unbounded: accepted for optimality probabilities, refused for POWER.</summary>
    public static ScalarDistribution Normal(double mean, double stddev)
    {
        CheckFinite(mean, nameof(mean), "normal");
        CheckPositive(stddev, nameof(stddev), "normal");
        return new NormalLaw(mean, stddev);
    }

    /// <summary>The exponential law with rate λ &gt; 0 on [0, ∞). Unbounded above: refused for POWER.</summary>
    public static ScalarDistribution Exponential(double rate)
    {
        CheckPositive(rate, nameof(rate), "exponential");
        return new ExponentialLaw(rate);
    }

    internal static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void CheckFinite(double x, string name, string law)
    {
        if (!double.IsFinite(x))
            throw new ArgumentOutOfRangeException(name, x, $"{law}: {name} must be finite; got {F(x)}.");
    }

    private static void CheckPositive(double x, string name, string law)
    {
        if (!(x > 0) || double.IsInfinity(x))
            throw new ArgumentOutOfRangeException(name, x, $"{law}: {name} must be a positive finite number; got {F(x)}.");
    }

    private sealed class UniformLaw(double a, double b) : ScalarDistribution
    {
        public override double Lower => a;
        public override double Upper => b;
        public override bool IsContinuous => true;
        public override double Mean => 0.5 * (a + b);
        public override string Spec => $"uniform({F(a)},{F(b)})";
        public override double Sample(Random random) => ContinuousUniform.Sample(random, a, b);
        public override double Quantile(double u) => a + (b - a) * u;
        public override double Cdf(double x) => x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a);
        public override bool HasQuantile => true;
        public override bool IsSymmetric => true;
    }

    private sealed class BetaLaw(double alpha, double beta) : ScalarDistribution
    {
        public override double Lower => 0;
        public override double Upper => 1;
        public override bool IsContinuous => true;
        public override double Mean => alpha / (alpha + beta);
        public override string Spec => $"beta({F(alpha)},{F(beta)})";
        public override double Sample(Random random) => MathNet.Numerics.Distributions.Beta.Sample(random, alpha, beta);
        public override double Quantile(double u) => MathNet.Numerics.Distributions.Beta.InvCDF(alpha, beta, u);
        public override double Cdf(double x) => x <= 0 ? 0 : x >= 1 ? 1 : MathNet.Numerics.Distributions.Beta.CDF(alpha, beta, x);
        public override bool HasQuantile => true;
        public override bool IsSymmetric => alpha == beta;
    }

    private sealed class TriangularLaw(double lower, double upper, double mode) : ScalarDistribution
    {
        public override double Lower => lower;
        public override double Upper => upper;
        public override bool IsContinuous => true;
        public override double Mean => (lower + upper + mode) / 3;
        public override string Spec => $"triangular({F(lower)},{F(upper)},{F(mode)})";
        public override double Sample(Random random) =>
            MathNet.Numerics.Distributions.Triangular.Sample(random, lower, upper, mode);
        public override double Quantile(double u) => MathNet.Numerics.Distributions.Triangular.InvCDF(lower, upper, mode, u);
        public override double Cdf(double x) =>
            x <= lower ? 0 : x >= upper ? 1 : MathNet.Numerics.Distributions.Triangular.CDF(lower, upper, mode, x);
        public override bool HasQuantile => true;
        public override bool IsSymmetric => mode - lower == upper - mode;
        internal override IReadOnlyList<double> Kinks => mode > lower && mode < upper ? [mode] : [];
    }

    private sealed class NormalLaw(double mean, double stddev) : ScalarDistribution
    {
        public override double Lower => double.NegativeInfinity;
        public override double Upper => double.PositiveInfinity;
        public override bool IsContinuous => true;
        public override double Mean => mean;
        public override string Spec => $"normal({F(mean)},{F(stddev)})";
        public override double Sample(Random random) => MathNet.Numerics.Distributions.Normal.Sample(random, mean, stddev);
        public override double Quantile(double u) => MathNet.Numerics.Distributions.Normal.InvCDF(mean, stddev, u);
        public override double Cdf(double x) => MathNet.Numerics.Distributions.Normal.CDF(mean, stddev, x);
        public override bool HasQuantile => true;
        public override bool IsSymmetric => true;
    }

    private sealed class ExponentialLaw(double rate) : ScalarDistribution
    {
        public override double Lower => 0;
        public override double Upper => double.PositiveInfinity;
        public override bool IsContinuous => true;
        public override double Mean => 1 / rate;
        public override string Spec => $"exponential({F(rate)})";
        public override double Sample(Random random) => MathNet.Numerics.Distributions.Exponential.Sample(random, rate);
        public override double Quantile(double u) => MathNet.Numerics.Distributions.Exponential.InvCDF(rate, u);
        public override double Cdf(double x) => x <= 0 ? 0 : MathNet.Numerics.Distributions.Exponential.CDF(rate, x);
        public override bool HasQuantile => true;
        public override bool IsSymmetric => false;
    }
}
