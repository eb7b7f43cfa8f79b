using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// <see cref="LaurentEvaluator"/> on a deterministic MDP, where a policy is a functional graph: every path ends in a
/// cycle. On a cycle c₀…c_{L−1} the gain is the mean reward of the cycle and (I−P)y = b reads y(c_i) − y(c_{i+1}) = b(c_i),
/// fixed up to a constant by P*y = 0, i.e. a zero mean on the cycle; off the cycles y(s) = b(s) + y(next(s)).
/// O(|S|) time per solve and O(|S|) memory, allocation-free after construction.
/// </summary>
internal sealed class FunctionalGraphLaurentEvaluator : LaurentEvaluator
{
    private readonly int[] _target;        // successor of each state-action
    private readonly int[] _next;          // successor of each state under the policy
    private readonly int[] _cycleStates;   // all cycle states, cycle by cycle, each in path order
    private readonly int[] _cycleOffsets;  // cycle k is _cycleStates[_cycleOffsets[k] .. _cycleOffsets[k+1])
    private readonly int[] _transient;     // transient states, each after its successor
    private readonly int[] _mark;
    private readonly int[] _path;
    private int _cycles;
    private int _transientCount;

    public FunctionalGraphLaurentEvaluator(Mdp mdp)
    {
        if (!mdp.IsDeterministic) throw new ArgumentException("the MDP must be deterministic.", nameof(mdp));
        int n = mdp.StateCount;
        _target = new int[mdp.StateActionCount];
        for (int sa = 0; sa < _target.Length; sa++) _target[sa] = mdp.AllSuccessors[mdp.TransitionOffsets[sa]];
        _next = new int[n];
        _cycleStates = new int[n];
        _cycleOffsets = new int[n + 1];
        _transient = new int[n];
        _mark = new int[n];
        _path = new int[n];
    }

    public override void SetPolicy(ReadOnlySpan<int> policy)
    {
        int n = _next.Length;
        for (int s = 0; s < n; s++) _next[s] = _target[policy[s]];
        // mark: 0 unvisited, -1 done, k+1 on the current path at position k.
        Array.Clear(_mark);
        int cycleCount = 0, cycleFill = 0, transientCount = 0;
        for (int start = 0; start < n; start++)
        {
            if (_mark[start] != 0) continue;
            int len = 0, s = start;
            while (_mark[s] == 0)
            {
                _mark[s] = len + 1;
                _path[len++] = s;
                s = _next[s];
            }
            int stop = len;
            if (_mark[s] > 0)
            {
                int c = _mark[s] - 1; // a new cycle: _path[c..len)
                _cycleOffsets[cycleCount] = cycleFill;
                for (int k = c; k < len; k++)
                {
                    _cycleStates[cycleFill++] = _path[k];
                    _mark[_path[k]] = -1;
                }
                cycleCount++;
                stop = c;
            }
            for (int k = stop - 1; k >= 0; k--)
            {
                _transient[transientCount++] = _path[k];
                _mark[_path[k]] = -1;
            }
        }
        _cycleOffsets[cycleCount] = cycleFill;
        _cycles = cycleCount;
        _transientCount = transientCount;
    }

    public override void Gain(ReadOnlySpan<double> r, Span<double> gain)
    {
        for (int k = 0; k < _cycles; k++)
        {
            int from = _cycleOffsets[k], to = _cycleOffsets[k + 1];
            double sum = 0;
            for (int i = from; i < to; i++) sum += r[_cycleStates[i]];
            double mean = sum / (to - from);
            for (int i = from; i < to; i++) gain[_cycleStates[i]] = mean;
        }
        for (int i = 0; i < _transientCount; i++)
        {
            int s = _transient[i];
            gain[s] = gain[_next[s]];
        }
    }

    public override void Solve(ReadOnlySpan<double> b, Span<double> y)
    {
        for (int k = 0; k < _cycles; k++)
        {
            int from = _cycleOffsets[k], to = _cycleOffsets[k + 1];
            double value = 0, sum = 0;
            for (int i = from; i < to; i++)
            {
                int c = _cycleStates[i];
                y[c] = value;
                sum += value;
                value -= b[c]; // y(next(c)) = y(c) − b(c)
            }
            double mean = sum / (to - from);
            for (int i = from; i < to; i++) y[_cycleStates[i]] -= mean;
        }
        for (int i = 0; i < _transientCount; i++)
        {
            int s = _transient[i];
            y[s] = b[s] + y[_next[s]];
        }
    }
}
