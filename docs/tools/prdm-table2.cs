#!/usr/bin/env dotnet
#:project ../../src/PowerTheory/PowerTheory.csproj
#:property PublishAot=false

// Prints the decision-rule rows of PRDM's Table 2 (Turner & Tadepalli 2022) for docs/reproductions.md: outcomes ghost,
// apple, cherry as the basis lotteries e0, e1, e2; for each of the six permutations of the utilities (10, 5, 0), the
// probability that each rule chooses {ghost, apple} and {cherry}. Run `dotnet run docs/tools/prdm-table2.cs` from the
// repository root. The orbit counts of the same table come from `powertheory orbit` (docs/reproductions.md).

using System.Globalization;
using PowerTheory.Retargeting;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var all = LotterySet.OfBasis(3, [0, 1, 2]);
var ghostApple = LotterySet.OfBasis(3, [0, 1]);
var cherry = LotterySet.OfBasis(3, [2]);
// (ghost, apple, cherry) utilities, in the order of Table 2(d).
double[][] orbit = [[10, 5, 0], [10, 0, 5], [5, 10, 0], [5, 0, 10], [0, 10, 5], [0, 5, 10]];
IDecisionRule[] rules = [new BoltzmannRule(1), new IsOptimalRule(), new SatisficeRule(3), new AntiOptimalRule()];
Console.WriteLine("rule            chosen           " + string.Join(" ", orbit.Select(u => $"({string.Join(",", u)})".PadLeft(10))));
foreach (var rule in rules)
foreach (var (name, set) in new[] { ("{ghost,apple}", ghostApple), ("{cherry}", cherry) })
    Console.WriteLine($"{rule.Name,-15} {name,-15} " + string.Join(" ", orbit.Select(u => rule.Evaluate(set, all, u).ToString("F5").PadLeft(10))));
