using System.Numerics;
using System.Runtime.CompilerServices;

namespace PowerTheory.Solvers;

/// <summary>
/// A square band matrix (row i holds columns i − <see cref="Lower"/> … i + <see cref="Upper"/>) with an in-place LU
/// factorisation without pivoting, for the matrices of the solvers: I − γT_π (strictly diagonally dominant by rows) and
/// the M-matrices of the average-reward evaluation (weakly chained diagonally dominant), for which elimination without
/// pivoting is stable and keeps the fill inside the band. O(n·b_l·b_u) to factor, O(n·(b_l + b_u)) per solve.
/// </summary>
internal sealed class BandedMatrix
{
    private readonly double[] _band;
    private readonly int _width;

    public BandedMatrix(int size, int lower, int upper)
    {
        Size = size;
        Lower = lower;
        Upper = upper;
        _width = lower + upper + 1;
        _band = new double[(long)size * _width];
    }

    public int Size { get; }

    public int Lower { get; }

    public int Upper { get; }

    /// <summary>The doubles a band of this shape needs.</summary>
    public static long Doubles(int size, int lower, int upper) => (long)size * (lower + upper + 1);

    public void Clear() => Array.Clear(_band);

    /// <summary>A[i, j] += value (j must lie in row i's band).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int i, int j, double value) => _band[i * _width + Lower + j - i] += value;

    /// <summary>Clears row i (before setting it to another equation).</summary>
    public void ClearRow(int i) => Array.Clear(_band, i * _width, _width);

    /// <summary>Factors in place: L (unit lower, below the diagonal) and U. Pivots are taken two at a time: row k+1 is
    /// finished with pivot k, then every later row of the window is updated by both pivot rows in one pass
    /// (y −= f₁·x₁ + f₂·x₂), which reads the row once instead of twice (measured on the 100×100 slip grid's band,
    /// b = 100: docs/performance.md).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Factor()
    {
        int n = Size, w = _width, lower = Lower, upper = Upper;
        if (lower < 2 || upper < 2)
        {
            FactorOnePivotAtATime();
            return;
        }
        var band = _band.AsSpan();
        int k = 0;
        for (; k + 1 < n; k += 2)
        {
            int pivotRow = k * w + lower - k;       // index of (k, j) is pivotRow + j
            int nextRow = (k + 1) * w + lower - (k + 1);
            double pivot = band[pivotRow + k];
            int lastK = Math.Min(n - 1, k + upper);  // last column of pivot row k
            int lastK1 = Math.Min(n - 1, k + 1 + upper);
            // Row k+1 by pivot k (if (k+1, k) lies in the band).
            if (lower >= 1)
            {
                double f = band[nextRow + k];
                if (f != 0)
                {
                    f /= pivot;
                    band[nextRow + k] = f;
                    Axpy(-f, band.Slice(pivotRow + k + 1, lastK - k), band.Slice(nextRow + k + 1, lastK - k));
                }
            }
            double pivot2 = band[nextRow + k + 1];
            int lastRow = Math.Min(n - 1, k + 1 + lower);
            for (int i = k + 2; i <= lastRow; i++)
            {
                int row = i * w + lower - i;
                double f1 = 0;
                if (i <= k + lower)
                {
                    f1 = band[row + k];
                    if (f1 != 0)
                    {
                        f1 /= pivot;
                        band[row + k] = f1;
                        band[row + k + 1] -= f1 * band[pivotRow + k + 1];
                    }
                }
                double f2 = band[row + k + 1];
                if (f2 != 0)
                {
                    f2 /= pivot2;
                    band[row + k + 1] = f2;
                }
                // Columns k+2 … lastK take both pivot rows; column lastK+1 … lastK1 only row k+1 (row k ends earlier).
                int both = lastK - (k + 1);
                if (f1 != 0 && f2 != 0)
                    Axpy2(-f1, band.Slice(pivotRow + k + 2, both), -f2, band.Slice(nextRow + k + 2, both), band.Slice(row + k + 2, both));
                else if (f1 != 0)
                    Axpy(-f1, band.Slice(pivotRow + k + 2, both), band.Slice(row + k + 2, both));
                else if (f2 != 0)
                    Axpy(-f2, band.Slice(nextRow + k + 2, both), band.Slice(row + k + 2, both));
                if (f2 != 0)
                    for (int j = lastK + 1; j <= lastK1; j++) band[row + j] -= f2 * band[nextRow + j];
            }
        }
    }

    /// <summary>The plain elimination, one pivot at a time (for bands narrower than 2 on either side).</summary>
    private void FactorOnePivotAtATime()
    {
        int n = Size, w = _width, lower = Lower, upper = Upper;
        var band = _band.AsSpan();
        for (int k = 0; k < n; k++)
        {
            int pivotRow = k * w + lower - k;
            double pivot = band[pivotRow + k];
            int length = Math.Min(n - 1, k + upper) - k;
            var source = band.Slice(pivotRow + k + 1, length);
            for (int i = k + 1; i <= Math.Min(n - 1, k + lower); i++)
            {
                int row = i * w + lower - i;
                double factor = band[row + k];
                if (factor == 0) continue;
                factor /= pivot;
                band[row + k] = factor;
                Axpy(-factor, source, band.Slice(row + k + 1, length));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy2(double a1, ReadOnlySpan<double> x1, double a2, ReadOnlySpan<double> x2, Span<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<double>.Count)
        {
            var v1 = new Vector<double>(a1);
            var v2 = new Vector<double>(a2);
            for (; i <= y.Length - Vector<double>.Count; i += Vector<double>.Count)
                (new Vector<double>(y[i..]) + v1 * new Vector<double>(x1[i..]) + v2 * new Vector<double>(x2[i..])).CopyTo(y[i..]);
        }
        for (; i < y.Length; i++) y[i] += a1 * x1[i] + a2 * x2[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var va = new Vector<double>(a);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
                (new Vector<double>(y[i..]) + va * new Vector<double>(x[i..])).CopyTo(y[i..]);
        }
        for (; i < x.Length; i++) y[i] += a * x[i];
    }

    /// <summary>Solves A·x = b in place (after <see cref="Factor"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(Span<double> x)
    {
        int n = Size, w = _width, lower = Lower, upper = Upper;
        var band = _band;
        for (int i = 1; i < n; i++) // L y = b, unit diagonal
        {
            int row = i * w + lower - i;
            double sum = x[i];
            for (int j = Math.Max(0, i - lower); j < i; j++) sum -= band[row + j] * x[j];
            x[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--) // U x = y
        {
            int row = i * w + lower - i;
            double sum = x[i];
            int last = Math.Min(n - 1, i + upper);
            for (int j = i + 1; j <= last; j++) sum -= band[row + j] * x[j];
            x[i] = sum / band[row + i];
        }
    }
}
