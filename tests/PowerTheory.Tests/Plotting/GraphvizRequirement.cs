using PowerTheory.Plotting;

namespace PowerTheory.Tests.Plotting;

/// <summary>
/// Tests that render through Graphviz call <see cref="RequireDot"/> first. Where `dot` is missing they are reported as
/// <em>skipped</em> (NUnit's Ignore, which `dotnet test` and the TRX results both count as skipped), never as passed
/// or inconclusive. CI installs Graphviz and sets <c>POWERTHEORY_REQUIRE_GRAPHVIZ=1</c>, under which a missing `dot`
/// is a failure, so those tests cannot silently stop running there.
/// </summary>
internal static class GraphvizRequirement
{
    public const string RequireVariable = "POWERTHEORY_REQUIRE_GRAPHVIZ";

    public static void RequireDot()
    {
        if (GraphvizRenderer.TryFindDot(out _)) return;
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            Assert.Fail($"Graphviz 'dot' is not on the PATH, and {RequireVariable}=1 requires it.");
        Assert.Ignore("Graphviz 'dot' is not on the PATH (install Debian's graphviz package to run this test)");
    }
}
