using PowerTheory.Budgets;
using PowerTheory.Retargeting;
using PowerTheory.Symmetry;

namespace PowerTheory.Tests.Retargeting;

/// <summary>PRDM Def. 3.5: the checker on the Pac-Man and Montezuma cases (docs/theory.md §4.3), a Table-3-style negative
/// case, reversed statements, and the search (whose certificates are re-checked and compared with the counting bound).</summary>
public class RetargetabilityTests
{
    private static Permutation Swap(int d, int i, int j) => Permutation.FromTranspositions(d, [(i, j)]);

    /// <summary>B = {e1, e2} contains two copies of A = {e0}, but f credits only B's first lottery: f(X) = 1 when X's
    /// first lottery is optimal. So (0 1) retargets and (0 2) does not — n = 1 but not n = 2.</summary>
    private static RetargetingQuestion FirstOnly() => RetargetingQuestion.OverBasis(3, [0], [1, 2],
        new DelegateDecisionRule("first-is-optimal", (x, c) => x.Length > 0 && x[0] >= c.Max() ? 1 : 0));

    [Test]
    public void PacManIsTwoFoldRetargetableViaTheTwoSwapsForEveryRule()
    {
        foreach (var rule in PacMan.RulesWithNTwo)
        {
            var report = RetargetabilityChecker.Check(PacMan.Question(rule), PacMan.Theta, [Swap(3, 0, 1), Swap(3, 0, 2)], SearchBudget.Default);
            Assert.That(report.Holds, Is.True, $"{rule.Name}: {string.Join("; ", report.Conditions.Select(c => c.Detail))}");
            Assert.That(report.Conditions.Select(c => c.Verdict), Is.All.EqualTo(ConditionVerdict.Holds), rule.Name);
        }
    }

    [Test]
    public void MontezumaIsFourFoldRetargetable()
    {
        var question = RetargetingQuestion.OverBasis(5, [0], [1, 2, 3, 4], new IsOptimalRule());
        double[] theta = [3, -1, 7, 2.5, 0];
        var phis = Enumerable.Range(1, 4).Select(i => Swap(5, 0, i)).ToArray();
        var report = RetargetabilityChecker.Check(question, theta, phis, SearchBudget.Default);
        Assert.That(report.Holds, Is.True);
        Assert.That(report.AWinsCount, Is.EqualTo(24));
        var found = RetargeterSearch.Find(question, theta, SearchBudget.Default);
        Assert.Multiple(() =>
        {
            Assert.That(found.N, Is.EqualTo(4));
            Assert.That(found.UpperBound, Is.EqualTo(4));
            Assert.That(found.IsProvedMaximal, Is.True);
            Assert.That(found.Certificate!.Holds, Is.True);
        });
    }

    [Test]
    public void TableThreeStyleCaseCertifiesOneAndRefusesTwo()
    {
        var question = FirstOnly();
        var one = RetargetabilityChecker.Check(question, PacMan.Theta, [Swap(3, 0, 1)], SearchBudget.Default);
        var two = RetargetabilityChecker.Check(question, PacMan.Theta, [Swap(3, 0, 1), Swap(3, 0, 2)], SearchBudget.Default);
        Assert.Multiple(() =>
        {
            Assert.That(one.Holds, Is.True);
            Assert.That(two.Holds, Is.False);
            Assert.That(two.Conditions[0].Verdict, Is.EqualTo(ConditionVerdict.Fails));
            Assert.That(two.Conditions[0].Detail, Does.Contain("phi_2 = (0 2)").And.Contain("theta^A = (10,0,5)"));
            Assert.That(two.Conditions[1].Verdict, Is.EqualTo(ConditionVerdict.Holds));
        });
        var found = RetargeterSearch.Find(question, PacMan.Theta, SearchBudget.Default, RetargeterClass.AllPermutations);
        Assert.Multiple(() =>
        {
            Assert.That(found.N, Is.EqualTo(1));
            Assert.That(found.UpperBound, Is.EqualTo(1), "2 B-wins vs 2 A-wins");
            Assert.That(found.IsProvedMaximal, Is.True);
        });
    }

    [Test]
    public void RepeatedPermutationViolatesDistinctImages()
    {
        var report = RetargetabilityChecker.Check(PacMan.Question(new IsOptimalRule()), PacMan.Theta,
            [Swap(3, 0, 1), Swap(3, 0, 1)], SearchBudget.Default);
        Assert.That(report.Conditions[2].Verdict, Is.EqualTo(ConditionVerdict.Fails));
        Assert.That(report.Conditions[2].Detail, Does.Contain("phi_1"));
        Assert.That(report.Conditions[0].Verdict, Is.EqualTo(ConditionVerdict.Holds));
    }

    [Test]
    public void ImagesOutsideThetaViolateConditionTwo()
    {
        // Θ = {θ : θ_2 ≠ 10}: the swap (0 2) sends (10,5,0) to (0,5,10), outside Θ.
        var question = RetargetingQuestion.OverBasis(3, [0], [1, 2], new IsOptimalRule(), t => t[2] != 10, "cherry below 10");
        var report = RetargetabilityChecker.Check(question, PacMan.Theta, [Swap(3, 0, 1), Swap(3, 0, 2)], SearchBudget.Default);
        Assert.That(report.Conditions[1].Verdict, Is.EqualTo(ConditionVerdict.Fails));
        Assert.That(report.Conditions[1].Detail, Does.Contain("outside Theta"));
    }

    [Test]
    public void TheReverseDirectionIsNotCertified()
    {
        var reversed = RetargetingQuestion.OverBasis(3, [1, 2], [0], new IsOptimalRule());
        var check = RetargetabilityChecker.Check(reversed, PacMan.Theta, [Swap(3, 0, 1)], SearchBudget.Default);
        var found = RetargeterSearch.Find(reversed, PacMan.Theta, SearchBudget.Default, RetargeterClass.AllPermutations);
        Assert.Multiple(() =>
        {
            Assert.That(check.Holds, Is.False);
            Assert.That(found.N, Is.EqualTo(0));
            Assert.That(found.UpperBound, Is.EqualTo(0), "2 B-wins vs 4 A-wins");
            Assert.That(found.IsUnbounded, Is.False);
        });
    }

    [Test]
    public void SearchFindsTwoForPacManAndEveryCertificateRechecks()
    {
        foreach (var rule in PacMan.RulesWithNTwo.Where(r => r is not SatisficeRule))
        {
            var found = RetargeterSearch.Find(PacMan.Question(rule), PacMan.Theta, SearchBudget.Default);
            Assert.That(found.N, Is.EqualTo(2), rule.Name);
            Assert.That(found.Certificate!.Holds, Is.True, rule.Name);
            Assert.That(found.Outcome.IsComplete, Is.True, rule.Name);
        }
        var satisfice = RetargeterSearch.Find(PacMan.Question(new SatisficeRule(3)), PacMan.Theta, SearchBudget.Default);
        Assert.That(satisfice.IsUnbounded, Is.True, "no orbit element has f(A) > f(B)");
    }

    [Test]
    public void SearchCertificatesAreConsistentWithCountsOnRandomCases()
    {
        const int seed = 31337;
        var random = new Random(seed);
        for (int trial = 0; trial < 25; trial++)
        {
            int d = random.Next(2, 6);
            var theta = Enumerable.Range(0, d).Select(_ => (double)random.Next(0, 4)).ToArray();
            var a = new[] { 0 };
            var b = Enumerable.Range(1, d - 1).Where(_ => random.Next(3) != 0).ToArray();
            var question = RetargetingQuestion.OverBasis(d, a, b, trial % 2 == 0 ? new IsOptimalRule() : new BoltzmannRule(1));
            var found = RetargeterSearch.Find(question, theta, SearchBudget.Default, RetargeterClass.AllPermutations);
            var counts = OrbitCounter.Count(question, theta, SearchBudget.Default);
            string context = $"seed {seed}, trial {trial}: theta = ({string.Join(",", theta)}), B = [{string.Join(",", b)}]";
            Assert.That(found.Outcome.IsComplete, Is.True, context);
            if (found.IsUnbounded) { Assert.That(counts.AWins, Is.Zero, context); continue; }
            Assert.That(found.N, Is.LessThanOrEqualTo(counts.LargestN!.Value), context);
            if (found.N > 0) Assert.That(found.Certificate!.Holds, Is.True, context);
        }
    }

    [Test]
    public void TinyBudgetGivesAnHonestPartialAnswer()
    {
        var question = RetargetingQuestion.OverBasis(5, [0], [1, 2, 3, 4], new IsOptimalRule());
        var found = RetargeterSearch.Find(question, [3, -1, 7, 2.5, 0], new SearchBudget(maxNodes: 200));
        var check = RetargetabilityChecker.Check(question, [3, -1, 7, 2.5, 0], [Swap(5, 0, 1)], new SearchBudget(maxNodes: 50));
        Assert.Multiple(() =>
        {
            Assert.That(found.Outcome.IsComplete, Is.False);
            Assert.That(found.Outcome.Stop, Is.EqualTo(SearchStop.NodeBudget));
            Assert.That(check.Conditions.Select(c => c.Verdict), Is.All.EqualTo(ConditionVerdict.Undecided));
            Assert.That(check.Holds, Is.False);
        });
    }

    [Test]
    public void PermutationOfTheWrongSizeIsNamed()
    {
        Assert.That(() => RetargetabilityChecker.Check(PacMan.Question(new IsOptimalRule()), PacMan.Theta,
                [Swap(3, 0, 1), Swap(4, 0, 1)], SearchBudget.Default),
            Throws.ArgumentException.With.Message.Contains("phi_2 acts on 4 coordinates"));
    }
}
