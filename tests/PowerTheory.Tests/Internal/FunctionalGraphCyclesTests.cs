using PowerTheory.Internal;

namespace PowerTheory.Tests.Internal;

/// <summary><see cref="FunctionalGraphCycles"/> against a naive walk with a dictionary of first visits, on random
/// functional graphs.</summary>
public class FunctionalGraphCyclesTests
{
    private static (List<int> Path, int CycleStart) NaiveWalk(int[] next, int start)
    {
        var first = new Dictionary<int, int>();
        var path = new List<int>();
        for (int x = start; !first.ContainsKey(x); x = next[x])
        {
            first[x] = path.Count;
            path.Add(x);
        }
        return (path, first[next[path[^1]]]);
    }

    [Test]
    public void DecompositionMatchesNaiveWalks()
    {
        const int seed = 4242;
        var random = new Random(seed);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = random.Next(1, 30);
            var next = Enumerable.Range(0, n).Select(_ => random.Next(n)).ToArray();
            string where = $"seed {seed}, trial {trial}, next = [{string.Join(",", next)}]";
            var cycles = new FunctionalGraphCycles(n);
            cycles.Decompose(next);
            // The cycle nodes are exactly the nodes that lie on the cycle of their own naive walk.
            var onCycle = Enumerable.Range(0, n).Where(s => { var (p, k) = NaiveWalk(next, s); return k == 0; }).ToHashSet();
            var listed = new List<int>();
            for (int c = 0; c < cycles.CycleCount; c++)
            {
                var cycle = cycles.Cycle(c).ToArray();
                for (int i = 0; i < cycle.Length; i++)
                    Assert.That(next[cycle[i]], Is.EqualTo(cycle[(i + 1) % cycle.Length]), where);
                listed.AddRange(cycle);
            }
            Assert.That(listed, Is.EquivalentTo(onCycle), where);
            var done = new HashSet<int>(listed);
            foreach (int x in cycles.Transient.ToArray())
            {
                Assert.That(done, Does.Contain(next[x]), $"transient {x} before its successor, {where}");
                Assert.That(done.Add(x), Is.True, where);
            }
            Assert.That(done.Count, Is.EqualTo(n), where);
            int start = random.Next(n);
            var path = FunctionalGraphCycles.PathToCycle(next, start, out int cycleStart);
            var (expected, expectedStart) = NaiveWalk(next, start);
            Assert.That(path, Is.EqualTo(expected), where);
            Assert.That(cycleStart, Is.EqualTo(expectedStart), where);
        }
    }
}
