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
public abstract class ScalarDistribution
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
    }

    private sealed class BetaLaw(double alpha, double beta) : ScalarDistribution
    {
        public override double Lower => 0;
        public override double Upper => 1;
        public override bool IsContinuous => true;
        public override double Mean => alpha / (alpha + beta);
        public override string Spec => $"beta({F(alpha)},{F(beta)})";
        public override double Sample(Random random) => MathNet.Numerics.Distributions.Beta.Sample(random, alpha, beta);
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
    }

    private sealed class NormalLaw(double mean, double stddev) : ScalarDistribution
    {
        public override double Lower => double.NegativeInfinity;
        public override double Upper => double.PositiveInfinity;
        public override bool IsContinuous => true;
        public override double Mean => mean;
        public override string Spec => $"normal({F(mean)},{F(stddev)})";
        public override double Sample(Random random) => MathNet.Numerics.Distributions.Normal.Sample(random, mean, stddev);
    }

    private sealed class ExponentialLaw(double rate) : ScalarDistribution
    {
        public override double Lower => 0;
        public override double Upper => double.PositiveInfinity;
        public override bool IsContinuous => true;
        public override double Mean => 1 / rate;
        public override string Spec => $"exponential({F(rate)})";
        public override double Sample(Random random) => MathNet.Numerics.Distributions.Exponential.Sample(random, rate);
    }

    private sealed class DiscreteLaw : ScalarDistribution
    {
        private readonly double[] _values;
        private readonly double[] _cumulative;
        private readonly string _spec;

        public DiscreteLaw(double[] values, double[] probabilities, string spec)
        {
            _values = values;
            _cumulative = new double[probabilities.Length];
            double c = 0;
            for (int i = 0; i < probabilities.Length; i++)
            {
                c += probabilities[i];
                _cumulative[i] = c;
            }
            _spec = spec;
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity, mean = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (probabilities[i] <= 0) continue;
                lo = Math.Min(lo, values[i]);
                hi = Math.Max(hi, values[i]);
                mean += values[i] * probabilities[i];
            }
            Lower = lo;
            Upper = hi;
            Mean = mean / c;
        }

        public override double Lower { get; }
        public override double Upper { get; }
        public override bool IsContinuous => false;
        public override double Mean { get; }
        public override string Spec => _spec;

        public override double Sample(Random random) =>
            _values.Length == 1 ? _values[0] : _values[Categorical.SampleWithCumulativeDistribution(random, _cumulative)];
    }
}
