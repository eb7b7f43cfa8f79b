using System.CommandLine;
using PowerTheory.Budgets;
using PowerTheory.Cli.Common;
using PowerTheory.IO.Json;
using PowerTheory.Symmetry;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory symmetry MDP --state S (--action A --versus B | --versus-state S2 [--average] | --avoid T1,T2)</c>:
/// searches the involutions that the power-seeking theorems need and prints the certificate — OPTSP Prop 6.9 (A keeps
/// more options open than B), Prop 6.6 (POWER(S) ≥_most POWER(S2)), Prop 6.12 (the same at γ = 1, with --average),
/// Thm 6.13 / Cor 6.14 and PRDM Thm D.11 / Cor D.12 (average-optimal policies tend to avoid the listed states, with the
/// largest n).
/// </summary>
public static class SymmetryCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var mdpArgument = new Argument<string>("MDP") { Description = MdpSource.ArgumentDescription };
        var state = new Option<string>("--state") { Description = "The state s the theorem is about.", HelpName = "S", Required = true };
        var action = new Option<string>("--action") { Description = "Prop 6.9: the action a that keeps more options open.", HelpName = "A" };
        var versus = new Option<string>("--versus") { Description = "Prop 6.9: the action a′ it is compared with.", HelpName = "B" };
        var versusState = new Option<string>("--versus-state") { Description = "Prop 6.6: the state s′ whose POWER is compared.", HelpName = "S2" };
        var avoid = new Option<string>("--avoid") { Description = "Thm 6.13 / Cor 6.14, D.11 / D.12: comma-separated terminal states to avoid.", HelpName = "T1,T2" };
        var average = new Option<bool>("--average") { Description = "With --versus-state: Prop 6.12 (γ = 1, recurrent state distributions)." };
        var format = OutputFormatOption.Create();
        var budget = BudgetOptions.Create(SearchBudget.DefaultMaxNodes, SearchBudget.DefaultMaxSeconds);
        var command = new Command("symmetry", "Certify a power-seeking theorem's symmetry condition on an MDP (the involutions and every condition).")
        {
            mdpArgument, state, action, versus, versusState, avoid, average, format, budget.Nodes, budget.Seconds,
        };
        command.SetAction(parseResult =>
        {
            var outputFormat = OutputFormatOption.Parse(parseResult.GetValue(format));
            var mdp = MdpSource.Load(parseResult.GetValue(mdpArgument), context).Mdp;
            var searchBudget = budget.Parse(parseResult, SearchBudget.Default);
            string s = parseResult.GetValue(state)!;
            if (!mdp.TryGetStateIndex(s, out int si)) throw new CliUsageException($"--state: unknown state '{s}'.");
            string? a = parseResult.GetValue(action), b = parseResult.GetValue(versus), s2 = parseResult.GetValue(versusState), t = parseResult.GetValue(avoid);
            int modes = (a is not null || b is not null ? 1 : 0) + (s2 is not null ? 1 : 0) + (t is not null ? 1 : 0);
            if (modes != 1)
                throw new CliUsageException("give exactly one of: --action A --versus B (Prop 6.9), --versus-state S2 (Prop 6.6), --avoid T1,T2 (Cor 6.14 / D.12).");
            SymmetryCertificate certificate;
            if (s2 is not null)
            {
                if (!mdp.TryGetStateIndex(s2, out int s2i)) throw new CliUsageException($"--versus-state: unknown state '{s2}'.");
                if (s2i == si) throw new CliUsageException("--versus-state must differ from --state.");
                certificate = parseResult.GetValue(average)
                    ? SymmetryFinder.AveragePowerDominance(mdp, si, s2i, searchBudget)
                    : SymmetryFinder.PowerDominance(mdp, si, s2i, searchBudget);
            }
            else if (parseResult.GetValue(average))
            {
                throw new CliUsageException("--average goes with --versus-state (Prop 6.12); --avoid is about average optimality already.");
            }
            else if (t is not null)
            {
                var targets = new List<int>();
                foreach (var name in t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!mdp.TryGetStateIndex(name, out int ti)) throw new CliUsageException($"--avoid: unknown state '{name}'.");
                    if (targets.Contains(ti)) throw new CliUsageException($"--avoid: state '{name}' is listed twice.");
                    targets.Add(ti);
                }
                if (targets.Count == 0) throw new CliUsageException("--avoid: give at least one state.");
                certificate = SymmetryFinder.AverageOptimalAvoidance(mdp, si, targets, searchBudget);
            }
            else
            {
                if (a is null || b is null) throw new CliUsageException("Prop 6.9 needs both --action A and --versus B.");
                int ai = ActionIndex(mdp, si, a, "--action"), bi = ActionIndex(mdp, si, b, "--versus");
                if (ai == bi) throw new CliUsageException("--versus must name another action than --action.");
                certificate = SymmetryFinder.KeepsOptionsOpen(mdp, si, ai, bi, searchBudget);
            }
            DegradationOutput.Warn(context, certificate.Degradations);
            if (!certificate.Search.IsComplete)
                context.Diagnostic($"warning: the search stopped at a budget: {certificate.Search.Describe()}.");
            if (outputFormat == OutputFormat.Json) JsonOutput.Write(context.Out, w => SymmetryCertificateJson.Write(w, certificate));
            else WriteText(context, certificate);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int ActionIndex(Mdps.Mdp mdp, int state, string name, string option)
    {
        for (int a = 0; a < mdp.ActionCount(state); a++)
            if (mdp.ActionName(state, a) == name) return a;
        throw new CliUsageException($"{option}: state '{mdp.StateNames[state]}' has no action '{name}' (it has {string.Join(", ", mdp.ActionNames(state))}).");
    }

    private static void WriteText(CliContext context, SymmetryCertificate c)
    {
        var o = context.Out;
        o.WriteLine($"{c.Theorem}: {c.Statement}");
        o.WriteLine(c.Holds ? $"CERTIFIED (n = {c.N})" : c.ProvedAbsent ? "NOT CERTIFIED (proved: no such involution exists)" : "NOT CERTIFIED");
        if (!c.Holds) o.WriteLine($"  {c.Summary}");
        for (int i = 0; i < c.Involutions.Count; i++)
            o.WriteLine($"  φ{(c.Involutions.Count > 1 ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")} = {string.Concat(c.Involutions[i])}");
        foreach (var cond in c.Conditions) o.WriteLine($"  {cond}{(cond.Required ? "" : " (decides a further conclusion)")}");
        o.WriteLine($"  route: {c.Route}");
        o.WriteLine($"  search: {c.Search.Describe()}");
    }
}
