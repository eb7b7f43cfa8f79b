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

    /// <summary>Factors in place: L (unit lower, below the diagonal) and U.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Factor()
    {
        int n = Size, w = _width, lower = Lower, upper = Upper;
        var band = _band.AsSpan();
        for (int k = 0; k < n; k++)
        {
            int pivotRow = k * w + lower - k;
            double pivot = band[pivotRow + k];
            int length = Math.Min(n - 1, k + upper) - k; // columns k+1 … k+length
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
