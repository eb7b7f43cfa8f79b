using System.Numerics;

namespace PowerTheory.Tests.Power;

/// <summary>An exact rational number (numerator and positive denominator in lowest terms), for brute-force oracles.</summary>
internal readonly struct ExactRational : IComparable<ExactRational>, IEquatable<ExactRational>
{
    public ExactRational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero)
        {
            numerator /= g;
            denominator /= g;
        }
        Numerator = numerator;
        Denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public static ExactRational Zero => new(BigInteger.Zero, BigInteger.One);
    public static ExactRational One => new(BigInteger.One, BigInteger.One);

    /// <summary>The exact value of a finite double (every double is a dyadic rational).</summary>
    public static ExactRational FromDouble(double x)
    {
        if (!double.IsFinite(x)) throw new ArgumentException("not finite", nameof(x));
        if (x == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1;
        else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger num = negative ? -mantissa : mantissa;
        return exponent >= 0 ? new ExactRational(num << exponent, BigInteger.One) : new ExactRational(num, BigInteger.One << -exponent);
    }

    /// <summary>2^(−k).</summary>
    public static ExactRational PowerOfHalf(int k) => new(BigInteger.One, BigInteger.One << k);

    public static ExactRational operator +(ExactRational a, ExactRational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static ExactRational operator -(ExactRational a, ExactRational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static ExactRational operator -(ExactRational a) => new(-a.Numerator, a.Denominator);
    public static ExactRational operator *(ExactRational a, ExactRational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    public static ExactRational operator /(ExactRational a, ExactRational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    public static bool operator <(ExactRational a, ExactRational b) => a.CompareTo(b) < 0;
    public static bool operator >(ExactRational a, ExactRational b) => a.CompareTo(b) > 0;
    public static bool operator ==(ExactRational a, ExactRational b) => a.Equals(b);
    public static bool operator !=(ExactRational a, ExactRational b) => !a.Equals(b);

    public int CompareTo(ExactRational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    public bool Equals(ExactRational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    public override bool Equals(object? obj) => obj is ExactRational r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    public override string ToString() => $"{Numerator}/{Denominator}";

    /// <summary>The nearest double (to about 2⁻⁶⁰ relative), also for numerators and denominators beyond the double range.</summary>
    public double ToDouble()
    {
        if (Numerator.IsZero) return 0;
        long shift = (long)Denominator.GetBitLength() - (long)BigInteger.Abs(Numerator).GetBitLength() + 62;
        var q = shift >= 0 ? (Numerator << (int)shift) / Denominator : Numerator / (Denominator << (int)-shift);
        return Math.ScaleB((double)q, (int)-shift);
    }
}
