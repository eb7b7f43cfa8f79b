using PowerTheory.Environments;
using PowerTheory.Mdps;

namespace PowerTheory.Tests.Mdps;

/// <summary><see cref="Mdp.ExpectedValue"/> against the dense sum Σ_s' T(s'|s,a)·x(s') built from TransitionProbability.</summary>
public class MdpExpectedValueTests
{
    [Test]
    public void MatchesTheDenseSumOnStochasticModels()
    {
        foreach (var mdp in new[] { PaperMdps.GambleOrSafe(), Gridworld.FromAscii(GridMaps.Grid3, slip: 0.3), PaperMdps.OptspFigure1() })
        {
            var rng = new Random(5);
            var x = Enumerable.Range(0, mdp.StateCount).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
            for (int s = 0; s < mdp.StateCount; s++)
            {
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    double dense = 0;
                    for (int t = 0; t < mdp.StateCount; t++) dense += mdp.TransitionProbability(s, a, t) * x[t];
                    Assert.That(mdp.ExpectedValue(mdp.StateActionIndex(s, a), x), Is.EqualTo(dense).Within(1e-12),
                        $"{mdp.Name}: {mdp.StateNames[s]}/{mdp.ActionName(s, a)}");
                }
            }
        }
    }
}
