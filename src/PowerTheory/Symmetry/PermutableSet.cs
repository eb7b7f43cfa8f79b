using System.Globalization;
using PowerTheory.Mdps;
using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>
/// A finite set of objects on the states of one MDP that state permutations act on: either visit-distribution
/// <em>functions</em> of γ (F(s), F_nd(s), F(s | π(s)=a), compared exactly as functions) or vectors (RSD(s), RSD_nd(s),
/// compared entry by entry within 1e-9, the tolerance of <see cref="RecurrentStateDistributionSet"/>).
/// </summary>
public sealed class PermutableSet
{
    /// <summary>The entrywise tolerance for equality of vectors.</summary>
    public const double VectorTolerance = 1e-9;

    private readonly VisitDistributionFunction[]? _functions;
    private readonly double[][]? _vectors;
    private readonly int[][] _supports;
    private readonly string[] _labels;
    private readonly Dictionary<int, Dictionary<string, int>> _keysBySteps = new();

    private PermutableSet(Mdp mdp, string name, VisitDistributionFunction[]? functions, double[][]? vectors,
        int[][] supports, string[] labels)
    {
        Mdp = mdp;
        Name = name;
        _functions = functions;
        _vectors = vectors;
        _supports = supports;
        _labels = labels;
    }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>A display name, e.g. "F_nd(l)".</summary>
    public string Name { get; }

    /// <summary>The number of distinct elements.</summary>
    public int Count => _supports.Length;

    /// <summary>True for a set of visit-distribution functions, false for a set of vectors.</summary>
    public bool HoldsFunctions => _functions is not null;

    /// <summary>A readable name of each element (its trajectory or policy; its support for vectors).</summary>
    public IReadOnlyList<string> Labels => Array.AsReadOnly(_labels);

    /// <summary>The functions (null for a vector set).</summary>
    public IReadOnlyList<VisitDistributionFunction>? Functions => _functions is null ? null : Array.AsReadOnly(_functions);

    /// <summary>The vectors (null for a function set).</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Vectors => _vectors?.Select(v => (IReadOnlyList<double>)Array.AsReadOnly(v)).ToArray();

    /// <summary>A set of visit-distribution functions of <paramref name="mdp"/> (duplicates as functions merged).</summary>
    public static PermutableSet OfFunctions(Mdp mdp, IEnumerable<VisitDistributionFunction> functions, string name)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(name);
        var distinct = new List<VisitDistributionFunction>();
        var seen = new HashSet<VisitDistributionFunction>();
        int index = 0;
        foreach (var f in functions)
        {
            if (!ReferenceEquals(f.Mdp, mdp) && !f.Mdp.Equals(mdp))
                throw new ArgumentException($"function {index} of {name} ({f}) belongs to another MDP.", nameof(functions));
            if (seen.Add(f)) distinct.Add(f);
            index++;
        }
        var array = distinct.ToArray();
        return new PermutableSet(mdp, name, array, null, array.Select(f => f.ReachedStates.ToArray()).ToArray(),
            array.Select(f => f.ToString()).ToArray());
    }

    /// <summary>A set of vectors on the states of <paramref name="mdp"/> (duplicates within <see cref="VectorTolerance"/> merged).</summary>
    public static PermutableSet OfVectors(Mdp mdp, IEnumerable<IReadOnlyList<double>> vectors, string name)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(name);
        var distinct = new List<double[]>();
        int index = 0;
        foreach (var v in vectors)
        {
            var x = v.ToArray();
            MdpPreconditions.CheckRewardVector(mdp, x, $"{name}[{index}]");
            if (!distinct.Any(d => Close(d, x))) distinct.Add(x);
            index++;
        }
        var array = distinct.ToArray();
        return new PermutableSet(mdp, name, null, array,
            array.Select(v => Enumerable.Range(0, v.Length).Where(i => Math.Abs(v[i]) > VectorTolerance).ToArray()).ToArray(),
            array.Select(v => LabelOf(mdp, v)).ToArray());
    }

    /// <summary>The subset with the given element indices, under a new name.</summary>
    public PermutableSet Subset(IEnumerable<int> indices, string name)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var list = indices.Distinct().ToArray();
        foreach (int i in list)
            if ((uint)i >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"element index {i} is outside 0..{Count - 1} of {Name}.");
        return new PermutableSet(Mdp, name, _functions is null ? null : list.Select(i => _functions[i]).ToArray(),
            _vectors is null ? null : list.Select(i => _vectors[i]).ToArray(), list.Select(i => _supports[i]).ToArray(),
            list.Select(i => _labels[i]).ToArray());
    }

    /// <summary>The states where element i is not identically zero (the reached states of a function).</summary>
    internal int[] Support(int index) => _supports[index];

    /// <summary>The index in this set of φ·(element j of <paramref name="source"/>), or −1 when it is not a member.</summary>
    internal int IndexOfImage(Permutation phi, PermutableSet source, int j)
    {
        if (source.HoldsFunctions != HoldsFunctions)
            throw new ArgumentException($"{source.Name} and {Name} hold different kinds of objects (functions vs vectors).");
        if (_vectors is not null)
        {
            var image = phi.Apply(source._vectors![j]);
            for (int i = 0; i < _vectors.Length; i++)
                if (Close(_vectors[i], image)) return i;
            return -1;
        }
        int steps = MaxSupport() + source.MaxSupport();
        if (!_keysBySteps.TryGetValue(steps, out var keys))
        {
            keys = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _functions!.Length; i++) keys[_functions[i].ExactKey(steps, null)] = i;
            _keysBySteps[steps] = keys;
        }
        return keys.TryGetValue(source._functions![j].ExactKey(steps, phi.Image), out int found) ? found : -1;
    }

    private int MaxSupport() => _supports.Length == 0 ? 0 : _supports.Max(s => s.Length);

    private static bool Close(double[] a, double[] b)
    {
        for (int i = 0; i < a.Length; i++)
            if (Math.Abs(a[i] - b[i]) > VectorTolerance) return false;
        return true;
    }

    private static string LabelOf(Mdp mdp, double[] v)
    {
        var support = Enumerable.Range(0, v.Length).Where(i => Math.Abs(v[i]) > VectorTolerance).ToArray();
        if (support.Length == 0) return "0";
        if (support.All(i => Math.Abs(v[i] - v[support[0]]) <= VectorTolerance))
            return support.Length == 1 ? $"e_{mdp.StateNames[support[0]]}" : $"uniform on {{{string.Join(", ", support.Select(i => mdp.StateNames[i]))}}}";
        return "(" + string.Join(", ", support.Select(i => $"{mdp.StateNames[i]}: {v[i].ToString("G6", CultureInfo.InvariantCulture)}")) + ")";
    }
}
