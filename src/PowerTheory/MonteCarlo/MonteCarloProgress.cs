namespace PowerTheory.MonteCarlo;

/// <summary>Progress of a Monte Carlo run: <paramref name="Completed"/> of <paramref name="Total"/> reward samples done
/// (each sample is solved for every requested γ).</summary>
/// <param name="Completed">Samples finished so far.</param>
/// <param name="Total">Samples requested.</param>
public readonly record struct MonteCarloProgress(long Completed, long Total)
{
    /// <summary>The finished fraction in [0, 1].</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;
}
