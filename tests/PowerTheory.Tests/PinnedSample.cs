using CsCheck;
using PowerTheory.Power;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Tests;

/// <summary>
/// Deterministic, reproducible CsCheck property tests.
/// <para>CsCheck's <c>Check.Sample(..., seed: s)</c> uses <c>s</c> for its <em>first</em> iteration only ("the initial
/// seed to use for the first iteration", CsCheck's XML docs; in Check.cs the remaining iter − 1 cases come from
/// <c>PCG.ThreadPCG</c>, seeded from the clock), so a run with a seed still draws fresh cases every time.
/// <see cref="SamplePinned{T}(Gen{T}, Action{T}, int, ulong, string?, Func{T, string}?)"/> instead generates case i
/// from its own PCG whose seed is output i of a SplitMix64 sequence started at the run seed, on one thread, so every
/// run tests the same cases in the same order.</para>
/// <para>On failure the message names the case index, the run seed and the case's CsCheck seed string:
/// <c>gen.Sample(assert, seed: "…", iter: 1, threads: 1)</c> re-runs exactly that case (and <c>firstCase: "…"</c> on
/// <see cref="SamplePinned{T}(Gen{T}, Action{T}, int, ulong, string?, Func{T, string}?)"/> pins it permanently). There is no
/// shrinking: the case reported is the first failing one.</para>
/// </summary>
public static class PinnedSample
{
    /// <summary>The default run seed.</summary>
    public const ulong DefaultSeed = 20_250_801;

    /// <summary>Runs <paramref name="assert"/> on <paramref name="iter"/> cases of <paramref name="gen"/> fixed by
    /// <paramref name="seed"/>, preceded by the case of the CsCheck seed string <paramref name="firstCase"/> if
    /// given.</summary>
    public static void SamplePinned<T>(this Gen<T> gen, Action<T> assert, int iter, ulong seed = DefaultSeed,
        string? firstCase = null, Func<T, string>? print = null)
    {
        if (firstCase is not null) RunCase(gen, assert, PCG.Parse(firstCase), $"the first case (CsCheck seed \"{firstCase}\")", seed, print);
        for (int i = 0; i < iter; i++)
            RunCase(gen, assert, CasePcg(seed, i), $"case {i} of {iter}", seed, print);
    }

    /// <summary>As <see cref="SamplePinned{T}(Gen{T}, Action{T}, int, ulong, string?, Func{T, string}?)"/>, for a
    /// predicate: a case fails when it returns false.</summary>
    public static void SamplePinned<T>(this Gen<T> gen, Func<T, bool> predicate, int iter, ulong seed = DefaultSeed,
        string? firstCase = null, Func<T, string>? print = null) =>
        gen.SamplePinned(t => { if (!predicate(t)) throw new InvalidOperationException("the property returned false."); },
            iter, seed, firstCase, print);

    /// <summary>As <see cref="SamplePinned{T}(Gen{T}, Action{T}, int, ulong, string?, Func{T, string}?)"/>, for a
    /// generator of pairs.</summary>
    public static void SamplePinned<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, int iter,
        ulong seed = DefaultSeed, string? firstCase = null, Func<(T1, T2), string>? print = null) =>
        gen.SamplePinned(t => assert(t.Item1, t.Item2), iter, seed, firstCase, print);

    /// <summary>The PCG of case <paramref name="index"/> of a run with seed <paramref name="seed"/>.</summary>
    public static PCG CasePcg(ulong seed, int index) =>
        new(1, BlockRandom.SplitMix64(unchecked(seed + (ulong)index * BlockRandom.Golden)));

    private static void RunCase<T>(Gen<T> gen, Action<T> assert, PCG pcg, string label, ulong seed, Func<T, string>? print)
    {
        string caseSeed = pcg.ToString();
        T value = gen.Generate(pcg, null, out _);
        try
        {
            assert(value);
        }
        catch (Exception e)
        {
            string shown;
            try { shown = (print ?? Check.Print)(value); }
            catch (Exception pe) { shown = $"(could not print the input: {pe.Message})"; }
            string message =
                $"Property failed on {label} (run seed {seed}, CsCheck seed \"{caseSeed}\"; " +
                $"re-run it alone with gen.Sample(assert, seed: \"{caseSeed}\", iter: 1, threads: 1)).{Environment.NewLine}" +
                $"Input: {shown}{Environment.NewLine}{e.GetType().Name}: {e.Message}";
            TestContext.Out.WriteLine(message);
            throw new AssertionException(message, e);
        }
    }
}
