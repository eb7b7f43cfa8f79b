using MathNet.Numerics.Distributions;

namespace PowerTheory.Rewards;

public abstract partial class ScalarDistribution
{
    /// <summary>A law with finitely many atoms v_i of probability p_i: sampled by MathNet's categorical sampler, its
    /// quantile and distribution function exact.</summary>
    private sealed class DiscreteLaw : ScalarDistribution
    {
        private readonly double[] _values;
        private readonly double[] _cumulative;
        private readonly double[] _probabilities;
        private readonly string _spec;

        public DiscreteLaw(double[] values, double[] probabilities, string spec)
        {
            _values = values;
            _probabilities = probabilities;
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

        // The smallest value whose cumulative probability reaches u (of the total, which is 1 within 1e-9).
        public override double Quantile(double u)
        {
            double target = u * _cumulative[^1];
            for (int i = 0; i < _cumulative.Length; i++)
                if (_cumulative[i] >= target && _probabilities[i] > 0) return _values[i];
            return Upper;
        }

        public override double Cdf(double x)
        {
            double c = 0;
            for (int i = 0; i < _values.Length; i++)
                if (_values[i] <= x) c += _probabilities[i];
            return Math.Min(1, c / _cumulative[^1]);
        }

        public override bool HasQuantile => true;

        public override bool IsSymmetric
        {
            get
            {
                var atoms = Atoms!;
                double center = Lower + Upper;
                for (int i = 0; i < atoms.Count; i++)
                    if (Math.Abs(Cdf(atoms[i]) - (1 - Cdf(center - atoms[i]) + Mass(center - atoms[i]))) > 1e-12) return false;
                return true;
            }
        }

        internal override IReadOnlyList<double>? Atoms =>
            _values.Where((_, i) => _probabilities[i] > 0).Distinct().Order().ToArray();

        private double Mass(double x)
        {
            double m = 0;
            for (int i = 0; i < _values.Length; i++)
                if (_values[i] == x) m += _probabilities[i];
            return m / _cumulative[^1];
        }
    }
}
