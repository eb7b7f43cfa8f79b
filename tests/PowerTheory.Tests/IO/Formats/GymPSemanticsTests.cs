using System.Globalization;
using System.Text;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.IO.Formats;

/// <summary>
/// gym-P keeps gym's meaning: on random tables with arrival rewards and <c>done</c>, gym's own optimal Q — computed here
/// by value iteration on the table itself, Q(s,a) = Σ p·(r + γ·(1 − done)·V(s′)) — equals, through the documented
/// correspondence V(s) = R(s) + γ·V_gym(s), the Q of the imported model; so the optimal actions agree at every γ.
/// </summary>
public class GymPSemanticsTests
{
    private sealed record Outcome(double P, int Next, double R, bool Done);

    private static string ToJson(List<List<List<Outcome>>> table)
    {
        var sb = new StringBuilder("{");
        for (int s = 0; s < table.Count; s++)
        {
            sb.Append(s == 0 ? "" : ",").Append($"\"{s}\":{{");
            for (int a = 0; a < table[s].Count; a++)
            {
                sb.Append(a == 0 ? "" : ",").Append($"\"{a}\":[");
                sb.Append(string.Join(",", table[s][a].Select(o =>
                    string.Create(CultureInfo.InvariantCulture, $"[{o.P:R},{o.Next},{o.R:R},{(o.Done ? "true" : "false")}]"))));
                sb.Append(']');
            }
            sb.Append('}');
        }
        return sb.Append('}').ToString();
    }

    /// <summary>Gym's optimal Q by value iteration on the table (independent of the importer).</summary>
    private static double[][] GymQ(List<List<List<Outcome>>> table, double gamma)
    {
        int n = table.Count;
        var v = new double[n];
        double[][] q = table.Select(acts => new double[acts.Count]).ToArray();
        for (int iteration = 0; iteration < 100_000; iteration++)
        {
            double change = 0;
            for (int s = 0; s < n; s++)
            for (int a = 0; a < table[s].Count; a++)
                q[s][a] = table[s][a].Sum(o => o.P * (o.R + (o.Done ? 0 : gamma * v[o.Next])));
            for (int s = 0; s < n; s++)
            {
                double best = q[s].Max();
                change = Math.Max(change, Math.Abs(best - v[s]));
                v[s] = best;
            }
            if (change < 1e-13) break;
        }
        return q;
    }

    private static List<List<List<Outcome>>> RandomTable(Random random)
    {
        int n = random.Next(2, 7);
        double[] rewards = [0, 0, 1, 2, -1, 0.5];
        var table = new List<List<List<Outcome>>>();
        for (int s = 0; s < n; s++)
        {
            var acts = new List<List<Outcome>>();
            int actions = random.Next(1, 4);
            for (int a = 0; a < actions; a++)
            {
                int k = random.Next(1, 4);
                var weights = Enumerable.Range(0, k).Select(_ => (double)random.Next(1, 5)).ToArray();
                double total = weights.Sum();
                acts.Add(weights.Select(w => new Outcome(w / total, random.Next(n), rewards[random.Next(rewards.Length)], random.NextDouble() < 0.3)).ToList());
            }
            table.Add(acts);
        }
        return table;
    }

    [Test]
    public void TheIssuesExampleKeepsGymsPreference()
    {
        const string json = """
            { "s": { "a": [[1, "T", 1, true]], "b": [[1, "n", 2, false]] },
              "n": { "go": [[1, "T2", 0, true]] },
              "T": { "stay": [[1, "T", 0, true]] }, "T2": { "stay": [[1, "T2", 0, true]] } }
            """;
        var import = MdpFormats.Parse(json, MdpFormat.GymP);
        var mdp = import.Mdp;
        Assert.That(mdp.StateNames, Is.EqualTo(new[] { "s", "n", "T", "T2", "T@done", "@terminal" }));
        Assert.That(import.Document.Rewards, Is.EqualTo(new[] { 0, 2, 0, 0, 1, 0 }));
        Assert.That(import.Notes.Single(), Does.Contain("added").And.Contain("'T@done'").And.Contain("@terminal"));
        foreach (double gamma in new[] { 0.1, 0.5, 0.9, 0.99 })
        {
            // Gym: Q(s,a) = 1 < Q(s,b) = 2 + γ·0. Ours: Q(s,a) = γ·1, Q(s,b) = γ·(2 + γ·0).
            var v = PolicyIteration.Solve(mdp, import.Document.Rewards!.ToArray(), gamma).Values;
            int s = mdp.StateIndex("s");
            double qa = gamma * v[mdp.StateIndex("T@done")], qb = gamma * v[mdp.StateIndex("n")];
            Assert.That(mdp.Successors(mdp.FirstStateAction(mdp.StateIndex("n"))).ToArray(), Is.EqualTo(new[] { mdp.StateIndex("@terminal") }));
            Assert.That(qa, Is.EqualTo(gamma * 1).Within(1e-12));
            Assert.That(qb, Is.EqualTo(gamma * 2).Within(1e-12));
            Assert.That(v[s], Is.EqualTo(gamma * 2).Within(1e-12));
        }
    }

    [Test]
    public void RandomTablesWithDoneHaveGymsOptimalQ()
    {
        const int seed = 20261206;
        var random = new Random(seed);
        for (int trial = 0; trial < 200; trial++)
        {
            var table = RandomTable(random);
            var json = ToJson(table);
            var import = MdpFormats.Parse(json, MdpFormat.GymP);
            var mdp = import.Mdp;
            var r = import.Document.Rewards?.ToArray() ?? new double[mdp.StateCount];
            foreach (double gamma in new[] { 0.3, 0.7, 0.95 })
            {
                var gym = GymQ(table, gamma);
                var v = PolicyIteration.Solve(mdp, r, gamma).Values;
                for (int s = 0; s < table.Count; s++)
                {
                    int state = mdp.StateIndex(s.ToString(CultureInfo.InvariantCulture));
                    for (int a = 0; a < table[s].Count; a++)
                    {
                        int sa = mdp.FirstStateAction(state) + mdp.ActionIndex(state, a.ToString(CultureInfo.InvariantCulture));
                        var succ = mdp.Successors(sa);
                        var prob = mdp.Probabilities(sa);
                        double ours = 0;
                        for (int k = 0; k < succ.Length; k++) ours += prob[k] * v[succ[k]];
                        // Our Q(s,a) − R(s) = γ·Σ T·V = γ·Q_gym(s,a).
                        Assert.That(gamma * ours, Is.EqualTo(gamma * gym[s][a]).Within(1e-8 * (1 + Math.Abs(gym[s][a]))),
                            $"seed {seed}, trial {trial}, γ = {gamma}, state {s}, action {a}: {json}");
                    }
                }
            }
        }
    }

    [Test]
    public void ExportThenImportIsTheIdentityWhenEveryRewardedStateIsEntered()
    {
        const int seed = 77;
        var random = new Random(seed);
        for (int trial = 0; trial < 100; trial++)
        {
            int n = random.Next(1, 7);
            var b = new MdpBuilder("m");
            var names = Enumerable.Range(0, n).Select(i => $"s {i}\"/{i}").ToArray(); // names JSON must escape
            b.AddStates(names);
            for (int s = 0; s < n; s++)
            for (int a = 0; a < random.Next(1, 3) || a == 0; a++)
            {
                var targets = Enumerable.Range(0, random.Next(1, 3)).Select(_ => names[random.Next(n)]).Distinct().ToArray();
                b.AddAction(names[s], $"a{a}", targets.Select(t => (t, 1.0 / targets.Length)).ToArray());
            }
            var mdp = b.Build();
            var entered = new bool[n];
            for (int sa = 0; sa < mdp.StateActionCount; sa++) foreach (int t in mdp.Successors(sa)) entered[t] = true;
            var rewards = Enumerable.Range(0, n).Select(s => random.Next(-2, 3) * 0.5).ToArray();
            var document = new MdpDocument(mdp, rewards: rewards);
            var (files, notes) = MdpFormats.Render(document, "x.json", MdpFormat.GymP);
            var again = MdpFormats.Parse(files[0].Text, MdpFormat.GymP);
            Assert.That(again.Mdp.StateNames, Is.EqualTo(mdp.StateNames), $"seed {seed}, trial {trial}");
            Assert.That(again.Mdp.StateActionCount, Is.EqualTo(mdp.StateActionCount));
            var lost = Enumerable.Range(0, n).Where(s => !entered[s] && rewards[s] != 0).ToList();
            var expected = rewards.Select((x, s) => entered[s] ? x : 0).ToArray();
            if (expected.All(x => x == 0)) Assert.That(again.Document.Rewards, Is.Null);
            else Assert.That(again.Document.Rewards, Is.EqualTo(expected), $"seed {seed}, trial {trial}");
            if (lost.Count == 0)
            {
                Assert.That(notes, Is.Empty, $"seed {seed}, trial {trial}");
                if (expected.Any(x => x != 0)) Assert.That(again.Mdp, Is.EqualTo(mdp));
            }
            else
            {
                Assert.That(notes.Single(), Does.Contain($"R of {lost.Count} state(s)").And.Contain("R = 0"), $"seed {seed}, trial {trial}");
            }
        }
    }

    [Test]
    public void ANameTheConversionNeedsIsRefused()
    {
        const string json = """{ "x": { "a": [[1, "x", 1, true]] }, "x@done": { "a": [[1, "x", 0, false]] } }""";
        var e = Assert.Throws<MdpValidationException>(() => MdpFormats.Parse(json, MdpFormat.GymP));
        Assert.That(e!.Message, Does.Contain("'x@done'").And.Contain("rename"));
    }

    [Test]
    public void StatesEnteredWithDifferentRewardsGetCopies()
    {
        // s –a→ t with reward 1, s –b→ t with reward 0, t –stay→ t with reward 0: t is entered with 0 and with 1.
        const string json = """{ "s": { "a": [[1, "t", 1, false]], "b": [[1, "t", 0, false]] }, "t": { "stay": [[1, "t", 0, false]] } }""";
        var import = MdpFormats.Parse(json, MdpFormat.GymP);
        Assert.That(import.Mdp.StateNames, Is.EqualTo(new[] { "s", "t", "t@r=1" }));
        Assert.That(import.Document.Rewards, Is.EqualTo(new[] { 0.0, 0, 1 }));
        var copy = import.Mdp.StateIndex("t@r=1");
        Assert.That(import.Mdp.ActionNames(copy), Is.EqualTo(new[] { "stay" }));
        Assert.That(import.Mdp.Successors(import.Mdp.FirstStateAction(copy)).ToArray(), Is.EqualTo(new[] { import.Mdp.StateIndex("t") }));
        // Gym: Q(s,a) = 1, Q(s,b) = 0; t's return is 0 forever (the old reading gave R(t) = 1 forever).
        var v = PolicyIteration.Solve(import.Mdp, import.Document.Rewards!.ToArray(), 0.9).Values;
        Assert.That(v[import.Mdp.StateIndex("s")], Is.EqualTo(0.9).Within(1e-12));
        Assert.That(v[import.Mdp.StateIndex("t")], Is.EqualTo(0).Within(1e-12));
    }
}
