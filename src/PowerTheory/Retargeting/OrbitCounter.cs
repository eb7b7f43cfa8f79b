using System.Globalization;
using MathNet.Numerics.Random;
using PowerTheory.Budgets;

namespace PowerTheory.Retargeting;

/// <summary>
/// Counts, over the orbit Orbit_Θ(θ) = (S_d·θ) ∩ Θ, the parameters where f(B) &gt; f(A), f(B) &lt; f(A) and ties
/// (docs/theory.md §1.7, §3.2, §5.3).
/// <list type="bullet">
/// <item>When the orbit size d!/Π m_i! (repeated entries of θ collapse the orbit) is at most the node budget, every
/// distinct permutation is enumerated once, in lexicographic order (multiset next-permutation; d! is never enumerated).
/// One node per element. If the time budget stops it, the counts cover a lexicographic prefix and the result says so.</item>
/// <item>Otherwise permutations are drawn uniformly (Fisher–Yates) from a seeded generator, one node per draw; a uniform
/// permutation of θ is a uniform element of its orbit. Draws outside Θ are rejected and counted apart. The result carries
/// Clopper–Pearson intervals.</item>
/// </list>
/// </summary>
public static class OrbitCounter
{
    /// <summary>Counts the orbit of <paramref name="theta"/>.</summary>
    /// <exception cref="ArgumentException">θ has the wrong length or a non-finite entry (the index is named).</exception>
    public static OrbitCountResult Count(RetargetingQuestion question, IReadOnlyList<double> theta, SearchBudget budget,
        OrbitSampling? sampling = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(budget);
        var values = CheckTheta(question, theta);
        sampling ??= OrbitSampling.Default;
        long? size = MultisetPermutations.Count(values);
        var meter = budget.Start();
        long examined = 0, outside = 0, bWins = 0, aWins = 0, ties = 0;
        void Tally(double[] element)
        {
            examined++;
            if (!question.InTheta(element)) { outside++; return; }
            switch (question.Compare(element))
            {
                case > 0: bWins++; break;
                case < 0: aWins++; break;
                default: ties++; break;
            }
        }
        if (size is { } s && s <= budget.MaxNodes)
        {
            var element = (double[])values.Clone();
            MultisetPermutations.First(element);
            do
            {
                if (!meter.TryCount()) break;
                Tally(element);
            }
            while (MultisetPermutations.Next(element));
            return new OrbitCountResult(question, values, OrbitCountMethod.Enumerated, size, examined, outside, bWins, aWins,
                ties, meter.Outcome(), null);
        }
        var random = new Xoshiro256StarStar(sampling.Seed, threadSafe: false);
        var draw = new double[values.Length];
        for (long k = 0; k < sampling.MaxSamples && meter.TryCount(); k++)
        {
            Array.Copy(values, draw, values.Length);
            for (int i = draw.Length - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (draw[i], draw[j]) = (draw[j], draw[i]);
            }
            Tally(draw);
        }
        return new OrbitCountResult(question, values, OrbitCountMethod.Sampled, size, examined, outside, bWins, aWins, ties,
            meter.Outcome(), sampling);
    }

    internal static double[] CheckTheta(RetargetingQuestion question, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Count != question.Dimension)
            throw new ArgumentException($"θ has {theta.Count} entries but the lotteries have d = {question.Dimension}.", nameof(theta));
        var values = new double[theta.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(theta[i]))
                throw new ArgumentException($"θ[{i}] is {theta[i].ToString(CultureInfo.InvariantCulture)}; entries must be finite.", nameof(theta));
            values[i] = theta[i] == 0 ? 0.0 : theta[i];
        }
        return values;
    }
}
