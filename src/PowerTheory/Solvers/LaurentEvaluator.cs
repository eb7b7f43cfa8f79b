namespace PowerTheory.Solvers;

/// <summary>
/// The Laurent coefficients of a fixed deterministic policy's value near γ = 1 (docs/theory.md §1.1). With the interest
/// rate ρ = (1−γ)/γ, V^π_γ = (1+ρ)·Σ_{n≥−1} ρⁿ·y_n, where y_{−1} = P*r is the gain, y_0 = Hr the bias and
/// y_n = (−H)ⁿHr; they are the unique solution of the nested equations (I−P)y_{−1} = 0, y_{−1} + (I−P)y_0 = r,
/// y_{n−1} + (I−P)y_n = 0, with P*y_n = 0 for n ≥ 0 (Puterman 1994, §10.2). An evaluator is set to one policy at a time and
/// then answers the two kinds of solve the nested equations need.
/// </summary>
internal abstract class LaurentEvaluator
{
    /// <summary>Prepares for the policy that takes global state-action <paramref name="policy"/>[s] at each state s.</summary>
    public abstract void SetPolicy(ReadOnlySpan<int> policy);

    /// <summary>The gain y_{−1} = P*r: on each recurrent class the stationary mean of r, elsewhere the absorption-weighted
    /// mix of the classes' gains.</summary>
    public abstract void Gain(ReadOnlySpan<double> r, Span<double> gain);

    /// <summary>The solution y of (I−P)y = b with P*y = 0. The right-hand side must be solvable, that is, have zero
    /// stationary mean on every recurrent class (true for b = r − y_{−1} and for b = −y_{n−1}).</summary>
    public abstract void Solve(ReadOnlySpan<double> b, Span<double> y);
}
