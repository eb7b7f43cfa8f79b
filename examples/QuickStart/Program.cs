using PowerTheory.Environments;
using PowerTheory.Solvers;

var mdp = PaperMdps.OptspFigure1();
var rewards = new double[mdp.StateCount];
rewards[mdp.StateIndex("r_ne")] = 1;
var result = PolicyIteration.Solve(mdp, rewards, 0.9);
for (int s = 0; s < mdp.StateCount; s++)
    Console.WriteLine($"{mdp.StateNames[s],-6} V* = {result[s]:F6}");
