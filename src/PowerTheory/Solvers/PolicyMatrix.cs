using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The state-to-state transition matrix T_π of a (deterministic or stochastic) policy, row-stochastic in CSR form
/// (row s = Σ_a π(a|s)·T(·|s,a)), with exact solves of the discounted systems
/// (I − γT_π)·V = r (values) and (I − γT_π)ᵀ·f = e_s (visit distributions).
/// </summary>
/// <remarks>
/// Small systems (n ≤ <see cref="DenseLimit"/>) use a dense LU factorisation (MathNet), which is exact up to rounding.
/// Larger ones use MathNet's BiCGStab with a diagonal (Jacobi) preconditioner (with MathNet's ILU(0) preconditioner one evaluation of a 1225-state slippery grid ran over 5 minutes), iterated until the residual certifies
/// ‖x − x*‖∞ ≤ ‖residual‖∞/(1−γ) ≤ 1e-12·‖b‖∞/(1−γ); the matrix is strictly diagonally dominant for γ &lt; 1, so the solve is
/// well posed.
/// </remarks>
internal sealed class PolicyMatrix
{
    public const int DenseLimit = 1200;

    private readonly int _n;
    private readonly int[] _rowStart;
    private readonly int[] _cols;
    private readonly double[] _vals;
    private readonly double _gamma;
    private MathNet.Numerics.LinearAlgebra.Factorization.LU<double>? _lu;
    private MathNet.Numerics.LinearAlgebra.Factorization.LU<double>? _luTransposed;

    private PolicyMatrix(int n, int[] rowStart, int[] cols, double[] vals, double gamma)
    {
        _n = n;
        _rowStart = rowStart;
        _cols = cols;
        _vals = vals;
        _gamma = gamma;
    }

    public static PolicyMatrix From(Mdp mdp, Policy policy, double gamma)
    {
        int n = mdp.StateCount;
        var rowStart = new int[n + 1];
        var cols = new List<int>();
        var vals = new List<double>();
        for (int s = 0; s < n; s++)
        {
            rowStart[s] = cols.Count;
            int sa = policy.StateActionAt(s);
            var succ = mdp.Successors(sa);
            var prob = mdp.Probabilities(sa);
            for (int k = 0; k < succ.Length; k++)
            {
                cols.Add(succ[k]);
                vals.Add(prob[k]);
            }
        }
        rowStart[n] = cols.Count;
        return new PolicyMatrix(n, rowStart, cols.ToArray(), vals.ToArray(), gamma);
    }

    public static PolicyMatrix From(Mdp mdp, StochasticPolicy policy, double gamma) => From(mdp, policy.ByStateAction, gamma);

    /// <summary>The matrix of the stochastic policy π(a|s), given per global state-action.</summary>
    public static PolicyMatrix From(Mdp mdp, ReadOnlySpan<double> pi, double gamma)
    {
        var rows = PolicyChainRows.Of(mdp, pi, keepTinyEdges: false);
        return new PolicyMatrix(mdp.StateCount, rows.RowStart, rows.Columns, rows.Values, gamma);
    }

    /// <summary>Solves (I − γT_π)·x = b.</summary>
    public double[] SolveValues(ReadOnlySpan<double> b) => Solve(b, transposed: false);

    /// <summary>Solves (I − γT_π)ᵀ·x = b.</summary>
    public double[] SolveVisits(ReadOnlySpan<double> b) => Solve(b, transposed: true);

    private double[] Solve(ReadOnlySpan<double> b, bool transposed)
    {
        if (_n <= DenseLimit)
        {
            var lu = transposed ? (_luTransposed ??= BuildDense(true).LU()) : (_lu ??= BuildDense(false).LU());
            var x = lu.Solve(Vector<double>.Build.DenseOfArray(b.ToArray()));
            return x.ToArray();
        }
        return SolveIterative(b, transposed);
    }

    private Matrix<double> BuildDense(bool transposed)
    {
        var a = DenseMatrix.CreateIdentity(_n);
        for (int s = 0; s < _n; s++)
        {
            for (int k = _rowStart[s]; k < _rowStart[s + 1]; k++)
            {
                int t = _cols[k];
                if (transposed) a[t, s] -= _gamma * _vals[k];
                else a[s, t] -= _gamma * _vals[k];
            }
        }
        return a;
    }

    private SparseMatrix? _sparse, _sparseTransposed;

    /// <summary>I − γT_π (or its transpose) as MathNet's sparse matrix, built once per matrix from an entry list (about
    /// 64 bytes per entry while it is built): a policy evaluated for many rewards reuses it.</summary>
    private SparseMatrix BuildSparse(bool transposed)
    {
        var entries = new List<Tuple<int, int, double>>(_cols.Length + _n);
        for (int s = 0; s < _n; s++)
        {
            entries.Add(Tuple.Create(s, s, 1.0));
            for (int k = _rowStart[s]; k < _rowStart[s + 1]; k++)
            {
                int t = _cols[k];
                entries.Add(transposed ? Tuple.Create(t, s, -_gamma * _vals[k]) : Tuple.Create(s, t, -_gamma * _vals[k]));
            }
        }
        return SparseMatrix.OfIndexed(_n, _n, entries);
    }

    private double[] SolveIterative(ReadOnlySpan<double> b, bool transposed)
    {
        var a = transposed ? (_sparseTransposed ??= BuildSparse(true)) : (_sparse ??= BuildSparse(false));
        var rhs = Vector<double>.Build.DenseOfArray(b.ToArray());
        double scale = Math.Max(rhs.InfinityNorm(), double.Epsilon);
        var x = Vector<double>.Build.Dense(_n);
        // Iterative refinement: repeat preconditioned BiCGStab on the residual until the certified bound is met.
        bool fixedPoint = false;
        double previous = double.PositiveInfinity;
        for (int round = 0; round < 20; round++)
        {
            SolveCancellation.ThrowIfRequested();
            var residual = rhs - a * x;
            double norm = residual.InfinityNorm();
            if (norm <= 1e-12 * scale) return x.ToArray();
            if (!fixedPoint && norm > 0.1 * previous)
            {
                // BiCGStab stagnates (a round cut the residual less than tenfold): switch to the guaranteed iteration.
                Internal.DegradationScope.Record("a sparse policy evaluation fell back from BiCGStab (stagnation) to fixed-point sweeps");
                fixedPoint = true;
            }
            previous = norm;
            // The inner tolerance is modest on purpose: a 2-norm residual of 1e-13 relative is often below what
            // BiCGStab can reach in double precision, so it would stagnate to the iteration cap; the outer refinement
            // rounds (each on the freshly computed residual) deliver the final 1e-12 ∞-norm certificate.
            var iterator = new Iterator<double>(
                new IterationCountStopCriterion<double>(5_000),
                new ResidualStopCriterion<double>(1e-10),
                new DivergenceStopCriterion<double>(),
                new FailureStopCriterion<double>());
            var dx = Vector<double>.Build.Dense(_n);
            if (fixedPoint)
            {
                dx = FixedPoint(a, residual, transposed);
            }
            else try
            {
                new BiCgStab().Solve(a, residual, dx, iterator, new DiagonalPreconditioner());
            }
            catch (MathNet.Numerics.NumericalBreakdownException)
            {
                // BiCGStab can break down (a zero inner product), e.g. on a single-goal reward over a 10⁴-state slippery
                // grid. The fixed-point iteration always converges: I − γT_π is a γ-contraction away from I.
                Internal.DegradationScope.Record("a sparse policy evaluation fell back from BiCGStab (numerical breakdown) to fixed-point sweeps");
                fixedPoint = true;
                dx = FixedPoint(a, residual, transposed);
            }
            if (!double.IsFinite(dx.InfinityNorm()))
            {
                // A failed Krylov solve can also return non-finite entries without throwing: never let them through.
                Internal.DegradationScope.Record("a sparse policy evaluation fell back from BiCGStab (non-finite iterate) to fixed-point sweeps");
                fixedPoint = true;
                dx = FixedPoint(a, residual, transposed);
            }
            x += dx;
        }
        var final = rhs - a * x;
        if (!(final.InfinityNorm() <= 1e-9 * scale))
            throw new InvalidOperationException(
                $"the sparse policy-evaluation solve did not converge (residual {final.InfinityNorm():G3} for right-hand side of size {scale:G3}).");
        if (final.InfinityNorm() > 1e-12 * scale)
            Internal.DegradationScope.Record("a sparse policy evaluation was accepted at a relative residual between 1e-12 (its target) and 1e-9 after 20 refinement rounds");
        return x.ToArray();
    }

    /// <summary>Solves A·y = c with A = I − γT_π (or its transpose) by the fixed-point iteration y ← c + (I − A)·y, a
    /// γ-contraction in the ∞-norm (rows of T_π sum to 1) or, for the transpose, the 1-norm; stops once the bound
    /// γ/(1−γ)·‖y_{k+1} − y_k‖ on the error is below 1e-13 of ‖c‖ or stops improving (the rounding floor).</summary>
    private Vector<double> FixedPoint(Matrix<double> a, Vector<double> c, bool transposed)
    {
        var y = c.Clone();
        double scale = Math.Max(c.InfinityNorm(), double.Epsilon);
        double factor = _gamma / (1 - _gamma);
        double best = double.PositiveInfinity;
        for (int stall = 0, sweep = 0; stall < 64 && sweep < 10_000_000; sweep++)
        {
            if ((sweep & 63) == 63) SolveCancellation.ThrowIfRequested();
            var next = c + y - a * y;
            double change = transposed ? (next - y).L1Norm() : (next - y).InfinityNorm();
            y = next;
            double bound = factor * change;
            if (bound <= 1e-13 * scale) break;
            if (bound < best)
            {
                best = bound;
                stall = 0;
            }
            else
            {
                stall++;
            }
        }
        return y;
    }
}
