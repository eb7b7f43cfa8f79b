using System.Globalization;

namespace PowerTheory.Environments;

/// <summary>
/// A numeric parameter of a built-in environment, given on the name as <c>NAME:key=value,key=value</c> (for example
/// <c>map20:slip=0.1</c>): its name, meaning, default and allowed range [<see cref="Min"/>, <see cref="Max"/>]
/// (the upper end open when <see cref="MaxExclusive"/>).
/// </summary>
/// <param name="Name">The key, e.g. <c>slip</c>.</param>
/// <param name="Description">What it controls.</param>
/// <param name="Default">The value when not given.</param>
/// <param name="Min">The smallest allowed value.</param>
/// <param name="Max">The largest allowed value (or the open upper end).</param>
/// <param name="IsInteger">True when only whole numbers are allowed.</param>
/// <param name="MaxExclusive">True when <paramref name="Max"/> itself is not allowed.</param>
public sealed record EnvironmentParameter(
    string Name, string Description, double Default, double Min, double Max, bool IsInteger = false, bool MaxExclusive = false)
{
    /// <summary>The allowed values as text, e.g. <c>a number in [0, 1)</c> or <c>a whole number in [1, 1000]</c>.</summary>
    public string Range => (IsInteger ? "a whole number in " : "a number in ") + $"[{Show(Min)}, {Show(Max)}{(MaxExclusive ? ")" : "]")}";

    /// <summary>One line for <c>env list</c>: <c>slip: probability … in [0, 1), default 0</c>.</summary>
    public override string ToString() => $"{Name}: {Description}, {Range}, default {Show(Default)}";

    /// <summary>Parses and checks a value given for environment <paramref name="environment"/>.</summary>
    /// <exception cref="ArgumentException">Not a number, not whole when it must be, or out of range (the message names
    /// the environment, the parameter, the value and the range).</exception>
    public double Parse(string environment, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new ArgumentException($"{environment}: {Name} must be {Range}; got '{text}'.");
        if (IsInteger && v != Math.Floor(v) || v < Min || v > Max || MaxExclusive && v == Max)
            throw new ArgumentException($"{environment}: {Name} must be {Range}; got '{text}'.");
        return v;
    }

    internal static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
