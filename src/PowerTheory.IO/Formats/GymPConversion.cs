using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>One outcome of a gym-P action as written: <c>(prob, next, reward, done)</c>.</summary>
internal readonly record struct GymOutcome(double Probability, int Next, double Reward, bool Done);

/// <summary>
/// The exact conversion of a gym transition table (reward on arrival, episodes ended by <c>done</c>) into the
/// state-reward model V(s) = R(s) + γ·Σ T(s′|s,a)·V(s′) (docs/formats.md, "gym-P", states the correspondence).
/// <para>
/// Every outcome (p, s′, r, done) leads to an <em>arrival state</em> whose reward is r: for a transition without
/// <c>done</c>, s′ itself when every such transition into s′ has one reward r (then R(s′) = r), otherwise the copy
/// <c>s′@r=r</c> of s′ (same actions, same outcomes) for each non-zero r, s′ itself then carrying R = 0; for a
/// transition with <c>done</c> and r ≠ 0, <c>s′@done</c> (<c>s′@done(r=r)</c> when s′ is ended into with several
/// non-zero rewards), with R = r and one action <c>end</c> into the zero-reward absorbing state <c>@terminal</c>; for
/// one with <c>done</c> and r = 0, <c>@terminal</c> itself. By induction on the Bellman
/// equations, an arrival state x for (s′, r, done) has V(x) = r + (1 − done)·γ·V_gym(s′), so every state s of the table
/// has V(s) = R(s) + γ·V_gym(s) and the same optimal actions as gym's Q_gym(s,a) = Σ p·(r + γ·(1 − done)·V_gym(s′)).
/// </para>
/// </summary>
internal static class GymPConversion
{
    /// <summary>The name of the zero-reward absorbing state that every <c>done</c> transition ends in.</summary>
    public const string Terminal = "@terminal";

    public static MdpImport ToStateRewards(IReadOnlyList<string> names, IReadOnlyList<List<(string Action, List<GymOutcome> Outcomes)>> table)
    {
        int n = names.Count;
        var entered = new SortedSet<double>[n];
        var ended = new SortedSet<double>[n];
        for (int t = 0; t < n; t++)
        {
            entered[t] = [];
            ended[t] = [];
        }
        foreach (var row in table)
        foreach (var (_, outcomes) in row)
        foreach (var o in outcomes)
        {
            if (o.Probability == 0) continue;
            if (!o.Done) entered[o.Next].Add(o.Reward);
            else if (o.Reward != 0) ended[o.Next].Add(o.Reward); // ending with 0 goes straight to @terminal
        }

        var all = new List<string>(names);
        var taken = new HashSet<string>(names, StringComparer.Ordinal);
        var rewards = new List<double>();
        for (int t = 0; t < n; t++) rewards.Add(entered[t].Count == 1 ? entered[t].Min : 0);
        var copyName = new Dictionary<(int, double), string>();
        var doneName = new Dictionary<(int, double), string>();
        var copyOf = new List<(string Name, int Of)>();
        var doneStates = new List<string>();
        string Add(string name, double reward)
        {
            if (!taken.Add(name))
                throw new MdpValidationException("P", $"converting 'done' and arrival rewards needs a state named '{name}', but the table already has one; rename that state.");
            all.Add(name);
            rewards.Add(reward);
            return name;
        }
        for (int t = 0; t < n; t++)
        {
            if (entered[t].Count >= 2)
                foreach (var r in entered[t].Where(r => r != 0))
                {
                    copyName[(t, r)] = Add($"{names[t]}@r={FormatText.Show(r)}", r);
                    copyOf.Add((copyName[(t, r)], t));
                }
            foreach (var r in ended[t])
            {
                doneName[(t, r)] = Add(ended[t].Count == 1 ? $"{names[t]}@done" : $"{names[t]}@done(r={FormatText.Show(r)})", r);
                doneStates.Add(doneName[(t, r)]);
            }
        }
        bool anyDone = table.Any(row => row.Any(a => a.Outcomes.Any(o => o.Done && o.Probability > 0)));
        if (anyDone) Add(Terminal, 0);

        string Arrival(GymOutcome o) =>
            o.Done ? (o.Reward == 0 ? Terminal : doneName[(o.Next, o.Reward)])
            : copyName.TryGetValue((o.Next, o.Reward), out var copy) ? copy
            : names[o.Next];

        var builder = new MdpBuilder().AddStates(all);
        void AddActionsOf(string state, int of)
        {
            foreach (var (action, outcomes) in table[of])
                builder.AddAction(state, action, outcomes.Select(o => (o.Probability == 0 ? names[o.Next] : Arrival(o), o.Probability)).ToArray());
        }
        for (int t = 0; t < n; t++) AddActionsOf(names[t], t);
        foreach (var (name, of) in copyOf) AddActionsOf(name, of);
        foreach (var d in doneStates) builder.AddAction(d, "end", Terminal);
        if (anyDone) builder.AddAction(Terminal, "stay", Terminal);
        var mdp = builder.Build();

        var notes = new List<string>();
        bool anyReward = rewards.Any(r => r != 0);
        if (copyOf.Count > 0 || anyDone)
        {
            var parts = new List<string>();
            if (copyOf.Count > 0)
                parts.Add($"{copyOf.Count} copy state(s) for states entered with different rewards (e.g. '{copyOf[0].Name}', which acts like '{names[copyOf[0].Of]}' and carries that reward)");
            if (doneStates.Count > 0)
                parts.Add($"{doneStates.Count} state(s) for transitions with done = true and a non-zero reward (e.g. '{doneStates[0]}', carrying that reward, then leading to '{Terminal}')");
            if (anyDone)
                parts.Add($"the zero-reward absorbing '{Terminal}', where every transition with done = true ends");
            notes.Add("gym's rewards on arrival and its 'done' flags were converted exactly (V(s) = R(s) + γ·V_gym(s), the same optimal actions at every γ): added "
                      + string.Join("; and ", parts) + $"; {mdp.StateCount} states in all.");
        }
        else if (anyReward)
        {
            int never = Enumerable.Range(0, n).Count(t => entered[t].Count == 0);
            notes.Add("rewards are state-based (every transition into s′ gives the same reward) and were kept as R(s′)"
                      + (never > 0 ? $"; {never} state(s) never entered get R = 0." : "."));
        }
        return new MdpImport(new MdpDocument(mdp, rewards: anyReward ? rewards.ToArray() : null), notes);
    }
}
