using PowerTheory.Internal;
using Google.OrTools.LinearSolver;

namespace PowerTheory.Polytope;

/// <summary>
/// The exact non-domination test ND(X) = {x ∈ X : ∃r, x·r &gt; max_{x' ∈ X∖{x}} x'·r} (OPTSP; docs/theory.md §1.1, §5.2) as one
/// linear program per point, solved with OR-Tools GLOP:
/// maximise t subject to (x − g)·r ≥ t for every other g, r ∈ [−1,1]^d. x is non-dominated iff t* &gt; ε. Equivalently x
/// is a vertex of conv X that is not duplicated in X. For numerical robustness the LP is solved after scaling each
/// coordinate and each constraint to entries of order 1 (which does not change whether t* &gt; 0); the witness is mapped
/// back and normalised to max|r_i| = 1, and the reported margin is min_g (x − g)·r for it. Works on any points (visit distributions at a γ, recurrent state
/// distributions, outcome lotteries).
/// </summary>
public static class NonDominationTest
{
    /// <summary>The default tolerance ε = 1e-9 on the optimum of the row- and column-equilibrated LP (scale-free).</summary>
    public const double DefaultRelativeTolerance = 1e-9;

    /// <summary>Tests x against the set <paramref name="others"/> (which should not contain x itself; an exact or
    /// near-exact copy of x in it makes x dominated).</summary>
    /// <param name="point">x, a finite vector of dimension d.</param>
    /// <param name="others">The other points, each of dimension d.</param>
    /// <param name="relativeTolerance">ε on the optimum t* of the equilibrated LP, in which every coordinate difference is
    /// scaled to at most 1 (positive).</param>
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
        for (int k = 0; k < list.Count; k++)
        {
            var g = list[k] ?? throw new ArgumentException($"others[{k}] is null.", nameof(others));
            if (g.Count != d)
                throw new ArgumentException($"others[{k}] has dimension {g.Count}; the point has dimension {d}.", nameof(others));
            for (int i = 0; i < d; i++)
            {
                if (!double.IsFinite(g[i]))
                    throw new ArgumentException($"others[{k}][{i}] must be finite; got {g[i]}.", nameof(others));
            }
        }
        if (list.Count == 0) return new NonDominationResult(true, double.PositiveInfinity, new double[d], relativeTolerance);

        // Equilibrate: strict feasibility of (x − g)·r > 0 for all g is invariant under positive column scalings
        // r_i = r'_i / c_i and positive row scalings, so solve the scaled LP (entries of order 1 even when visit counts
        // differ by γ^t ≪ 1) and map its witness back.
        // Differences below a rounding floor (1e-13 of the largest entry) are treated as exact zeros, so that scaling
        // cannot blow rounding noise up to order 1.
        double magnitude = 1;
        for (int i = 0; i < d; i++) magnitude = Math.Max(magnitude, Math.Abs(point[i]));
        foreach (var g in list)
            for (int i = 0; i < d; i++) magnitude = Math.Max(magnitude, Math.Abs(g[i]));
        double floor = 1e-13 * magnitude;
        double Difference(IReadOnlyList<double> g, int i)
        {
            double diff = point[i] - g[i];
            return Math.Abs(diff) <= floor ? 0 : diff;
        }
        var columnScale = new double[d];
        foreach (var g in list)
            for (int i = 0; i < d; i++) columnScale[i] = Math.Max(columnScale[i], Math.Abs(Difference(g, i)));
        for (int i = 0; i < d; i++) if (columnScale[i] == 0) columnScale[i] = 1;

        using var solver = GlopSolvers.Create("the non-domination test");
        var r = new Variable[d];
        for (int i = 0; i < d; i++) r[i] = solver.MakeNumVar(-1, 1, $"r{i}");
        var t = solver.MakeNumVar(double.NegativeInfinity, 1, "t");
        var row = new double[d];
        foreach (var g in list)
        {
            double rowScale = 0;
            for (int i = 0; i < d; i++)
            {
                row[i] = Difference(g, i) / columnScale[i];
                rowScale = Math.Max(rowScale, Math.Abs(row[i]));
            }
            var c = solver.MakeConstraint(0, double.PositiveInfinity);
            c.SetCoefficient(t, -1);
            if (rowScale == 0) continue; // a duplicate of x: forces t ≤ 0
            for (int i = 0; i < d; i++)
                if (row[i] != 0) c.SetCoefficient(r[i], row[i] / rowScale);
        }
        var objective = solver.Objective();
        objective.SetCoefficient(t, 1);
        objective.SetMaximization();
        GlopSolvers.SolveOptimal(solver, "non-domination");
        double scaledMargin = t.SolutionValue();
        var witness = new double[d];
        double largest = 0;
        for (int i = 0; i < d; i++)
        {
            witness[i] = r[i].SolutionValue() / columnScale[i];
            largest = Math.Max(largest, Math.Abs(witness[i]));
        }
        if (largest > 0) for (int i = 0; i < d; i++) witness[i] /= largest;
        // The reported margin is recomputed from the witness in the original coordinates.
        double margin = double.PositiveInfinity;
        foreach (var g in list)
        {
            double m = 0;
            for (int i = 0; i < d; i++) m += (point[i] - g[i]) * witness[i];
            margin = Math.Min(margin, m);
        }
        return new NonDominationResult(scaledMargin > relativeTolerance && margin > 0, margin, witness, relativeTolerance);
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
