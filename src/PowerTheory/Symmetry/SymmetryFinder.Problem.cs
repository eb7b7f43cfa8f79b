using PowerTheory.Budgets;
using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

public static partial class SymmetryFinder
{
    /// <summary>One containment search: route 1, then route 2, then verification and the certificate.</summary>
    private sealed class Problem(Mdp mdp, string theorem, string statement, string premise, SearchBudget? budget)
    {
        public SearchBudget Budget { get; } = budget ?? SearchBudget.Default;
        public Func<SearchMeter, (List<Permutation> Found, string Route)>? Structural { get; set; }
        public Func<Permutation, SymmetryCondition>? StructuralCheck { get; set; }
        public Func<(PermutableSet? Source, PermutableSet? Target, string? Failure)> Sets { get; set; } = () => (null, null, "no sets");
        public IReadOnlyList<(int From, int To)> FixedPairs { get; set; } = [];
        public Func<int, int, bool> Allowed { get; set; } = (_, _) => true;
        public Func<Permutation, IEnumerable<SymmetryCondition>> Extra { get; set; } = _ => [];
        public Func<Permutation, SymmetryCondition?>? Strictness { get; set; }
        public Func<IEnumerable<SymmetryCondition>> Always { get; set; } = () => [];

        public SymmetryCertificate Solve()
        {
            using var degradations = Internal.DegradationScope.Begin();
            var meter = Budget.Start();
            var names = mdp.StateNames;
            var conditions = new List<SymmetryCondition>();
            string route = "none";
            Permutation? phi = null;
            var structural = Structural?.Invoke(meter);
            bool structuralComplete = !meter.Exhausted;
            PermutableSet? source = null, target = null;
            string? failure = null;
            bool setsLoaded = false;
            void LoadSets()
            {
                if (setsLoaded) return;
                setsLoaded = true;
                (source, target, failure) = Sets();
            }
            if (structural is { Found.Count: > 0 } s)
            {
                phi = s.Found[0];
                route = s.Route;
                conditions.Add(new SymmetryCondition("φ is an involution", phi.IsInvolution, phi.ToString(names)));
                conditions.Add(StructuralCheck!(phi));
                LoadSets();
                if (source is not null && target is not null) conditions.Add(Premise(phi, source, target));
                else conditions.Add(new SymmetryCondition($"{premise} (on the enumerated sets)", true,
                    $"not enumerated ({failure}); the transition-row condition above proves it", Required: false));
            }
            else
            {
                LoadSets();
                if (source is not null && target is not null)
                {
                    var search = new CopySearch(source, target, Allowed, meter);
                    var found = search.Run(FixedPairs, 1);
                    route = $"enumerated sets: exhaustive search over involutions on the supports of {source.Name} into {target.Name}";
                    if (found.Count > 0)
                    {
                        phi = found[0];
                        conditions.Add(new SymmetryCondition("φ is an involution", phi.IsInvolution, phi.ToString(names)));
                        conditions.Add(Premise(phi, source, target));
                    }
                }
                else route = $"enumerated sets unavailable: {failure}";
            }
            var outcome = meter.Outcome();
            if (phi is null)
            {
                bool proved = setsLoaded && source is not null && target is not null && outcome.IsComplete;
                string why = proved ? "no such involution exists (exhaustive search on the enumerated sets)"
                    : !outcome.IsComplete ? $"none found before the budget stopped the search ({outcome.Describe()})"
                    : $"no transition-preserving involution exists{(structuralComplete ? "" : " within the budget")}, and the sets could not be enumerated to rule out others ({failure})";
                conditions.Add(new SymmetryCondition(premise, false, why));
                conditions.AddRange(Always());
                return new SymmetryCertificate(mdp, theorem, statement, [], conditions, route, outcome, proved, $"not certified: {why}");
            }
            conditions.AddRange(Extra(phi));
            conditions.AddRange(Always());
            if (Strictness?.Invoke(phi) is { } strict) conditions.Add(strict);
            bool holds = conditions.Where(c => c.Required).All(c => c.Holds);
            string summary = holds ? $"certified via φ = {phi.ToString(names)}" : $"φ = {phi.ToString(names)} found but a required condition fails";
            return new SymmetryCertificate(mdp, theorem, statement, [phi], conditions, route, outcome, false, summary);
        }

        private SymmetryCondition Premise(Permutation phi, PermutableSet source, PermutableSet target)
        {
            var check = CopyChecker.ContainsCopy(phi, source, target);
            var inclusion = check.Conditions[^1];
            return inclusion with { Name = $"{premise}: {inclusion.Name}" };
        }
    }
}
