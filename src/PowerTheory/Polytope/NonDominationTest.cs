using Google.OrTools.LinearSolver;

namespace PowerTheory.Polytope;

/// <summary>
/// The exact non-domination test ND(X) = {x ∈ X : ∃r, x·r &gt; max_{x' ∈ X∖{x}} x'·r} (OPTSP; THEORY.md §1.1, §5.2) as one
/// linear program per point, solved with OR-Tools GLOP:
/// maximise t subject to (x − g)·r ≥ t for every other g, r ∈ [−1,1]^d. x is non-dominated iff t* &gt; ε. Equivalently x
/// is a vertex of conv X that is not duplicated in X. Works on any points (visit distributions at a γ, recurrent state
/// distributions, outcome lotteries).
/// </summary>
public static class NonDominationTest
{
    /// <summary>The default relative tolerance: ε = 1e-9 · max(1, max_g ‖x − g‖∞).</summary>
    public const double DefaultRelativeTolerance = 1e-9;

    /// <summary>Tests x against the set <paramref name="others"/> (which should not contain x itself; an exact or
    /// near-exact copy of x in it makes x dominated).</summary>
    /// <param name="point">x, a finite vector of dimension d.</param>
    /// <param name="others">The other points, each of dimension d.</param>
    /// <param name="relativeTolerance">ε relative to the largest coordinate difference (positive).</param>
    public static NonDominationResult Test(IReadOnlyList<double> point, IEnumerable<IReadOnlyList<double>> others,
        double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(others);
        Internal.Preconditions.CheckTolerance(relativeTolerance, nameof(relativeTolerance));
        int d = point.Count;
        for (int i = 0; i < d; i++)
            if (!double.IsFinite(point[i]))
                throw new ArgumentException($"point[{i}] must be finite; got {point[i]}.", nameof(point));
        var list = others.ToList();
        double spread = 0;
        for (int k = 0; k < list.Count; k++)
        {
            var g = list[k] ?? throw new ArgumentException($"others[{k}] is null.", nameof(others));
            if (g.Count != d)
                throw new ArgumentException($"others[{k}] has dimension {g.Count}; the point has dimension {d}.", nameof(others));
            for (int i = 0; i < d; i++)
            {
                if (!double.IsFinite(g[i]))
                    throw new ArgumentException($"others[{k}][{i}] must be finite; got {g[i]}.", nameof(others));
                spread = Math.Max(spread, Math.Abs(point[i] - g[i]));
            }
        }
        double epsilon = relativeTolerance * Math.Max(1, spread);
        if (list.Count == 0) return new NonDominationResult(true, double.PositiveInfinity, new double[d], epsilon);

        using var solver = LinearProgramSolver.CreateGlop();
        var r = new Variable[d];
        for (int i = 0; i < d; i++) r[i] = solver.MakeNumVar(-1, 1, $"r{i}");
        // t ≤ max possible margin, ‖x − g‖₁ ≤ d·spread, keeps the LP bounded.
        var t = solver.MakeNumVar(double.NegativeInfinity, d * spread + 1, "t");
        foreach (var g in list)
        {
            var c = solver.MakeConstraint(0, double.PositiveInfinity);
            for (int i = 0; i < d; i++)
            {
                double diff = point[i] - g[i];
                if (diff != 0) c.SetCoefficient(r[i], diff);
            }
            c.SetCoefficient(t, -1);
        }
        var objective = solver.Objective();
        objective.SetCoefficient(t, 1);
        objective.SetMaximization();
        LinearProgramSolver.CheckOptimal(solver.Solve(), "non-domination");
        var witness = r.Select(v => v.SolutionValue()).ToArray();
        // Recompute the margin from the witness exactly rather than trusting the LP's objective.
        double margin = double.PositiveInfinity;
        foreach (var g in list)
        {
            double m = 0;
            for (int i = 0; i < d; i++) m += (point[i] - g[i]) * witness[i];
            margin = Math.Min(margin, m);
        }
        return new NonDominationResult(margin > epsilon, margin, witness, epsilon);
    }

    /// <summary>ND(X): the indices of the non-dominated points of <paramref name="points"/>, ascending. A point with an
    /// exact or near-exact duplicate in X is dominated.</summary>
    public static IReadOnlyList<int> NonDominatedIndices(IReadOnlyList<IReadOnlyList<double>> points,
        double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(points);
        var result = new List<int>();
        for (int i = 0; i < points.Count; i++)
        {
            int self = i;
            if (Test(points[i], points.Where((_, k) => k != self), relativeTolerance).IsNonDominated) result.Add(i);
        }
        return result;
    }
}
