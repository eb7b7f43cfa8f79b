using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The part of a stochastic <see cref="LaurentEvaluator"/> that does not depend on how the linear systems are factored:
/// the policy's recurrent classes (<see cref="RecurrentClasses"/>) and transient states, the gain μ·r on each class and
/// its absorption-weighted mix on the transient states, and the transient system (I − P_TT)y_T = b_T + P_{T,R}·y_R.
/// Subclasses factor each class (returning its stationary distribution μ), solve the class systems (A y = b with
/// μ·y = 0) and the transient system.
/// </summary>
internal abstract class RecurrentClassLaurentEvaluator : LaurentEvaluator
{
    private readonly int[] _allStates;
    private readonly List<int[]> _classes = [];
    private readonly List<double[]> _stationary = [];
    private readonly double[] _buffer;
    private int[] _transient = [];

    protected RecurrentClassLaurentEvaluator(Mdp mdp)
    {
        Mdp = mdp;
        Policy = new int[mdp.StateCount];
        ClassOf = new int[mdp.StateCount];
        Local = new int[mdp.StateCount];
        _allStates = Enumerable.Range(0, mdp.StateCount).ToArray();
        _buffer = new double[mdp.StateCount];
    }

    protected Mdp Mdp { get; }

    /// <summary>The current policy, one global state-action per state.</summary>
    protected int[] Policy { get; }

    /// <summary>The recurrent class of each state, or −1 for a transient state.</summary>
    protected int[] ClassOf { get; }

    /// <summary>Each state's index within its class (or within the transient set), in the order of <see cref="Order"/>.</summary>
    protected int[] Local { get; }

    /// <summary>The order of a block's states in its linear systems (default: state index order).</summary>
    protected virtual int[] Order(List<int> block) => block.ToArray();

    /// <summary>Factors the system of class <paramref name="index"/> (its states in <see cref="Order"/>) and returns its
    /// stationary distribution, in the same order.</summary>
    protected abstract double[] FactorClass(int index, int[] states);

    /// <summary>Factors (I − P_TT) for the transient states (in <see cref="Order"/>; called only when there are some).</summary>
    protected abstract void FactorTransient(int[] transient);

    /// <summary>Solves the class system in place: on entry b on the class (local order), on exit y with μ·y = 0.</summary>
    protected abstract void SolveClass(int index, Span<double> x);

    /// <summary>Solves the transient system in place.</summary>
    protected abstract void SolveTransientSystem(Span<double> x);

    public sealed override void SetPolicy(ReadOnlySpan<int> policy)
    {
        policy[..Policy.Length].CopyTo(Policy);
        int classes = RecurrentClasses.Find(Mdp, Policy, _allStates, ClassOf);
        _classes.Clear();
        _stationary.Clear();
        var members = Enumerable.Range(0, classes).Select(_ => new List<int>()).ToList();
        var transient = new List<int>();
        for (int s = 0; s < Policy.Length; s++) (ClassOf[s] < 0 ? transient : members[ClassOf[s]]).Add(s);
        for (int c = 0; c < members.Count; c++)
        {
            var states = Ordered(members[c]);
            _classes.Add(states);
            _stationary.Add(FactorClass(c, states));
        }
        _transient = Ordered(transient);
        if (_transient.Length > 0) FactorTransient(_transient);
    }

    private int[] Ordered(List<int> block)
    {
        var states = Order(block);
        for (int i = 0; i < states.Length; i++) Local[states[i]] = i;
        return states;
    }

    public sealed override void Gain(ReadOnlySpan<double> r, Span<double> gain)
    {
        for (int c = 0; c < _classes.Count; c++)
        {
            var states = _classes[c];
            var mu = _stationary[c];
            double g = 0;
            for (int i = 0; i < states.Length; i++) g += mu[i] * r[states[i]];
            foreach (int s in states) gain[s] = g;
        }
        SolveTransient(default, gain, withRightHandSide: false);
    }

    public sealed override void Solve(ReadOnlySpan<double> b, Span<double> y)
    {
        for (int c = 0; c < _classes.Count; c++)
        {
            var states = _classes[c];
            var x = _buffer.AsSpan(0, states.Length);
            for (int i = 0; i < states.Length; i++) x[i] = b[states[i]];
            SolveClass(c, x);
            for (int i = 0; i < states.Length; i++) y[states[i]] = x[i];
        }
        SolveTransient(b, y, withRightHandSide: true);
    }

    /// <summary>The stationary distribution of class <paramref name="index"/>, in its local order.</summary>
    protected double[] Stationary(int index) => _stationary[index];

    /// <summary>(I − P_TT)y_T = b_T + P_{T,R}·y_R, with y already set on the recurrent states R.</summary>
    private void SolveTransient(ReadOnlySpan<double> b, Span<double> y, bool withRightHandSide)
    {
        if (_transient.Length == 0) return;
        var x = _buffer.AsSpan(0, _transient.Length);
        for (int i = 0; i < _transient.Length; i++)
        {
            int s = _transient[i];
            double v = withRightHandSide ? b[s] : 0;
            var succ = Mdp.Successors(Policy[s]);
            var prob = Mdp.Probabilities(Policy[s]);
            for (int k = 0; k < succ.Length; k++)
                if (ClassOf[succ[k]] >= 0) v += prob[k] * y[succ[k]];
            x[i] = v;
        }
        SolveTransientSystem(x);
        for (int i = 0; i < _transient.Length; i++) y[_transient[i]] = x[i];
    }
}
