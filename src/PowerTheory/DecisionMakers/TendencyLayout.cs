namespace PowerTheory.DecisionMakers;

/// <summary>Where each per-sample statistic of one decision-maker sits in a block's moment vector: the k action
/// probabilities at the state, their paired differences from the optimal and the random agent, then (with avoided
/// states) the avoidance probability and its two differences, then POWER^pol for every state.</summary>
internal sealed class TendencyLayout(int actions, bool avoid, int powerStates)
{
    public int Actions { get; } = actions;
    public bool HasAvoid { get; } = avoid;
    public int PowerStates { get; } = powerStates;

    public int Action(int a) => a;
    public int ActionVersusOptimal(int a) => Actions + a;
    public int ActionVersusRandom(int a) => 2 * Actions + a;
    public int Avoid => 3 * Actions;
    public int AvoidVersusOptimal => 3 * Actions + 1;
    public int AvoidVersusRandom => 3 * Actions + 2;
    public int Power(int s) => 3 * Actions + (HasAvoid ? 3 : 0) + s;
    public int Moments => 3 * Actions + (HasAvoid ? 3 : 0) + PowerStates;
}
