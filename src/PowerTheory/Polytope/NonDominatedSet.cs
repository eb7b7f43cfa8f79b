using PowerTheory.Budgets;
using PowerTheory.Mdps;

namespace PowerTheory.Polytope;

/// <summary>
/// The result of <see cref="NonDominatedSearch"/>: the non-dominated visit distributions F_nd(s) found, each certified,
/// and whether the search proved the list complete.
/// </summary>
public sealed class NonDominatedSet
{
    /// <summary>Fallbacks and loosened acceptances that happened while computing this result (what happened → how
    /// often); empty when everything ran as designed. Nothing degrades silently: the CLI prints each as a warning.</summary>
    public IReadOnlyDictionary<string, long> Degradations { get; } = Internal.DegradationScope.Snapshot();

    private readonly NonDominatedVertex[] _vertices;

    internal NonDominatedSet(Mdp mdp, int start, double gamma, NonDominatedVertex[] vertices, SearchOutcome outcome, string method)
    {
        Mdp = mdp;
        Start = start;
        Gamma = gamma;
        _vertices = vertices;
        Outcome = outcome;
        Method = method;
    }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The start state s.</summary>
    public int Start { get; }

    /// <summary>The γ at which the vectors and witnesses are given (the set itself does not depend on γ).</summary>
    public double Gamma { get; }

    /// <summary>The non-dominated visit distributions found, in depth-first order of the search.</summary>
    public IReadOnlyList<NonDominatedVertex> Vertices => Array.AsReadOnly(_vertices);

    /// <summary>The number found (= |F_nd(s)| when <see cref="IsComplete"/>).</summary>
    public int Count => _vertices.Length;

    /// <summary>True when the search finished: the list is then exactly F_nd(s) (proved, see <see cref="NonDominatedSearch"/>).
    /// False when it stopped at a budget (<see cref="Outcome"/> says which): every listed vertex is still certified, but
    /// others may exist.</summary>
    public bool IsComplete => Outcome.IsComplete;

    /// <summary>How the search ended (exhaustive, or which budget stopped it), its nodes, time and budget.</summary>
    public SearchOutcome Outcome { get; }

    /// <summary>Search-tree nodes explored.</summary>
    public long NodesExplored => Outcome.Nodes;

    /// <summary>How the subtrees were tested: <c>preference-graph</c> (deterministic MDPs) or <c>linear-program</c>.</summary>
    public string Method { get; }

    /// <summary>The vectors f(γ), one row per vertex.</summary>
    public double[][] Vectors() => _vertices.Select(v => (double[])v.VisitsArray.Clone()).ToArray();
}
