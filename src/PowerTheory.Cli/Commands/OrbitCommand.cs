using System.CommandLine;
using System.Globalization;
using PowerTheory.Budgets;
using PowerTheory.Cli.Common;
using PowerTheory.Retargeting;
using PowerTheory.Symmetry;
using PowerTheory.IO.Json;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory orbit --theta θ --a I --b J --rule R [--lotteries FILE] [--budget N] [--seconds S] [--samples N]
/// [--seed K] [--search] [--candidates C] [--format F]</c>: over the orbit S_d·θ, how often f(B|θ′) &gt; f(A|θ′),
/// &lt; and =, exactly (distinct permutations enumerated) or sampled with Clopper–Pearson intervals, and the largest n
/// with #(B&gt;A) ≥ n·#(A&gt;B) with its fraction n/(n+1); with <c>--search</c>, the permutations certifying
/// (A →ⁿ B)-retargetability (PRDM Def. 3.5).
/// </summary>
public static class OrbitCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var theta = new Option<string>("--theta") { Description = "The parameter θ: d comma-separated numbers, e.g. 10,5,0.", HelpName = "x1,x2,...", Required = true };
        var a = new Option<string>("--a") { Description = "The set A: comma-separated lottery indices (0-based).", HelpName = "i,j,...", Required = true };
        var b = new Option<string>("--b") { Description = "The set B: comma-separated lottery indices (0-based).", HelpName = "i,j,...", Required = true };
        var rule = new Option<IDecisionRule>("--rule", "-r") { Description = "The decision rule: " + DecisionRuleSpec.Forms + ".", HelpName = "RULE", Required = true }
            .ParsedWith(DecisionRuleSpec.Parse);
        var lotteries = new Option<string>("--lotteries")
        {
            Description = "A file of lotteries, one per line (d comma-separated numbers, optional 'label:' prefix); C = all of them. Default: the basis lotteries e_0..e_{d-1}.",
            HelpName = "FILE",
        };
        var budgetOptions = BudgetOptions.Create(SearchBudget.DefaultMaxNodes, SearchBudget.DefaultMaxSeconds,
            "orbits larger than it are sampled, and a search that reaches it returns a partial answer and says so");
        var (budget, seconds) = (budgetOptions.Nodes, budgetOptions.Seconds);
        var samples = new Option<long>("--samples", "-n") { Description = "Most permutations to sample when the orbit is too large to enumerate (default 100000).", DefaultValueFactory = _ => 100_000 }.Whole(1, long.MaxValue);
        var seed = new Option<int>("--seed", "-s") { Description = "Seed of the sampler; the same seed gives the same sample (default 0).", DefaultValueFactory = _ => 0 }.Whole(0, int.MaxValue);
        var search = new Option<bool>("--search") { Description = "Also search for permutations φ_1..φ_n certifying (A ->n B)-retargetability (PRDM Def. 3.5)." };
        var check = new Option<string>("--check")
        {
            Description = "Check (A ->n B)-retargetability (PRDM Def. 3.5) for given permutations of the d outcomes, in cycle notation separated by ';', e.g. \"(0 1);(0 2)\".",
            HelpName = "PHI1;PHI2",
        };
        var candidates = new Option<string>("--candidates") { Description = "Permutations the search tries: transpositions, involutions (default) or all.", HelpName = "transpositions|involutions|all", DefaultValueFactory = _ => "involutions" };
        var format = OutputFormatOption.Create();
        var command = new Command("orbit", "Orbit counts of f(B) vs f(A) over the permutations of θ, the largest n and n/(n+1); optionally a retargetability certificate.")
        {
            theta, a, b, rule, lotteries, budget, seconds, samples, seed, search, candidates, check, format,
        };
        command.SetAction(parseResult =>
        {
            var outputFormat = OutputFormatOption.Parse(parseResult.GetValue(format));
            if (outputFormat == OutputFormat.Csv) throw new CliUsageException("--format: orbit prints text or json, not csv.");
            var thetaValues = ParseNumbers(parseResult.GetValue(theta)!, "--theta");
            int d = thetaValues.Length;
            var decisionRule = parseResult.GetValue(rule)!;
            string? file = parseResult.GetValue(lotteries);
            var options = file is null ? LotterySet.OfBasis(d, Enumerable.Range(0, d)) : LotteryFileParser.Load(file, d);
            var aSet = Subset(parseResult.GetValue(a)!, "--a", options);
            var bSet = Subset(parseResult.GetValue(b)!, "--b", options);
            var searchBudget = budgetOptions.Parse(parseResult, SearchBudget.Default);
            long maxSamples = parseResult.GetValue(samples);
            if (maxSamples < 1) throw new CliUsageException($"--samples must be at least 1; got {maxSamples}.");
            var searchClass = parseResult.GetValue(candidates) switch
            {
                "transpositions" => RetargeterClass.Transpositions,
                "involutions" => RetargeterClass.Involutions,
                "all" => RetargeterClass.AllPermutations,
                var other => throw new CliUsageException($"--candidates must be one of transpositions, involutions, all; got '{other}'."),
            };
            var question = new RetargetingQuestion(options, aSet, bSet, decisionRule);
            var result = OrbitCounter.Count(question, thetaValues, searchBudget, new OrbitSampling(parseResult.GetValue(seed), maxSamples));
            var found = parseResult.GetValue(search) ? RetargeterSearch.Find(question, thetaValues, searchBudget, searchClass) : null;
            var checkText = parseResult.GetValue(check);
            var checkedReport = checkText is null ? null
                : RetargetabilityChecker.Check(question, thetaValues, ParsePermutations(checkText, d), searchBudget);
            if (question.UncertainComparisons > 0)
                context.Diagnostic($"warning: {question.UncertainComparisons} comparison(s) of f(B) and f(A) were within the rounding error of a tie and could not be decided exactly; they were counted by their double values.");
            if (outputFormat == OutputFormat.Json)
                JsonOutput.Write(context.Out, w => OrbitReportJson.Write(w, result, found, checkedReport));
            else
                OrbitText.Write(context.Out, result, found, checkedReport);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Parses "(0 1)(2 3);(0 2)": permutations of 0..d−1 in cycle notation, separated by ';'.</summary>
    private static List<Permutation> ParsePermutations(string text, int d)
    {
        var result = new List<Permutation>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var image = Enumerable.Range(0, d).ToArray();
            var moved = new HashSet<int>();
            foreach (var cycle in part.Split(')', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!cycle.StartsWith('('))
                    throw new CliUsageException($"--check: '{part}' is not in cycle notation such as (0 1)(2 3).");
                var items = cycle[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var indices = new int[items.Length];
                for (int k = 0; k < items.Length; k++)
                    if (!int.TryParse(items[k], NumberStyles.None, CultureInfo.InvariantCulture, out indices[k]) || indices[k] >= d || !moved.Add(indices[k]))
                        throw new CliUsageException($"--check: '{items[k]}' in '{part}' is not an unused outcome index in 0..{d - 1}.");
                for (int k = 0; k < indices.Length; k++) image[indices[k]] = indices[(k + 1) % indices.Length];
            }
            result.Add(Permutation.FromImage(image));
        }
        if (result.Count == 0) throw new CliUsageException("--check needs at least one permutation, e.g. \"(0 1)\".");
        return result;
    }

    private static double[] ParseNumbers(string text, string optionName)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!Numbers.TryParseFinite(parts[i], out values[i]))
                throw new CliUsageException($"{optionName} must be finite numbers separated by commas; entry {i} is '{parts[i]}'.");
        return values;
    }

    private static LotterySet Subset(string text, string optionName, LotterySet options)
    {
        var chosen = new List<OutcomeLottery>();
        var seen = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= options.Count)
                throw new CliUsageException($"{optionName}: '{part}' is not a lottery index in 0..{options.Count - 1}.");
            if (!seen.Add(index)) throw new CliUsageException($"{optionName} lists index {index} twice.");
            chosen.Add(options.Items[index]);
        }
        if (chosen.Count == 0) throw new CliUsageException($"{optionName} needs at least one lottery index.");
        return new LotterySet(chosen, options.Dimension);
    }
}
