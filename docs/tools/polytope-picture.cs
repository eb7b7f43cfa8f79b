#!/usr/bin/env dotnet
#:project ../../src/PowerTheory/PowerTheory.csproj
#:property PublishAot=false

// Writes docs/images/polytope-projection.svg, the picture in docs/polytope.md: F(s) of a small ring MDP projected onto
// the simplex of its three loop states, the non-dominated visit distributions filled. A documentation tool, not part of
// the test suite: run `dotnet run docs/tools/polytope-picture.cs` from the repository root.
// The MDP: s → x; x, y, z form a ring with self-loops, walked forwards (x → y → z → x) or, from y and z, backwards.

using System.Globalization;
using System.Text;
using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Visits;

const double g = 0.6;
var mdp = new MdpBuilder("ring")
    .AddStates("s", "x", "y", "z")
    .AddAction("s", "go", "x")
    .AddAction("x", "stay", "x").AddAction("x", "next", "y")
    .AddAction("y", "stay", "y").AddAction("y", "next", "z").AddAction("y", "back", "x")
    .AddAction("z", "stay", "z").AddAction("z", "next", "x").AddAction("z", "back", "y")
    .Build();
var all = VisitDistributionSet.Enumerate(mdp, "s");
var nd = NonDominatedSearch.Run(mdp, "s", g);
if (!nd.IsComplete) throw new InvalidOperationException("the F_nd search did not complete");
var ndFunctions = nd.Vertices.Select(v => v.Function).ToHashSet();
// f(γ) = e_s + γ·(mass on x, y, z), the mass summing to γ/(1−γ): the points lie in a triangle. Barycentric
// coordinates (p_x, p_y, p_z) = f(x,y,z)·(1−γ)/γ are drawn in an equilateral triangle.
int x = mdp.StateIndex("x"), y = mdp.StateIndex("y"), z = mdp.StateIndex("z");
const double size = 520, margin = 60;
(double X, double Y) Project(double[] f)
{
    double k = (1 - g) / g;
    double py = f[y] * k, pz = f[z] * k;
    double u = py + pz / 2, v = pz * Math.Sqrt(3) / 2;
    return (margin + u * size, margin + (Math.Sqrt(3) / 2 - v) * size);
}
string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
var points = all.Functions.Select(f => (Function: f, P: Project(f.Evaluate(g)), Nd: ndFunctions.Contains(f))).ToList();
var hull = points.Where(p => p.Nd).Select(p => p.P).ToList();
var cx = hull.Average(p => p.X);
var cy = hull.Average(p => p.Y);
hull = hull.OrderBy(p => Math.Atan2(p.Y - cy, p.X - cx)).ToList();

var svg = new StringBuilder();
double width = size + 2 * margin + 220, height = size * Math.Sqrt(3) / 2 + 2 * margin + 40;
svg.AppendLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" font-family=\"sans-serif\" font-size=\"13\">");
svg.AppendLine("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
var a = Project(Corner(mdp, x)); var b = Project(Corner(mdp, y)); var c = Project(Corner(mdp, z));
svg.AppendLine($"<polygon points=\"{F(a.X)},{F(a.Y)} {F(b.X)},{F(b.Y)} {F(c.X)},{F(c.Y)}\" fill=\"none\" stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>");
svg.AppendLine($"<text x=\"{F(a.X - 50)}\" y=\"{F(a.Y + 20)}\" fill=\"#888\">all mass on x</text>");
svg.AppendLine($"<text x=\"{F(b.X - 40)}\" y=\"{F(b.Y + 20)}\" fill=\"#888\">all mass on y</text>");
svg.AppendLine($"<text x=\"{F(c.X - 40)}\" y=\"{F(c.Y - 10)}\" fill=\"#888\">all mass on z</text>");
svg.AppendLine($"<polygon points=\"{string.Join(" ", hull.Select(p => $"{F(p.X)},{F(p.Y)}"))}\" fill=\"#e8f0ff\" stroke=\"#3366cc\" stroke-width=\"2\"/>");
int labelRow = 0;
foreach (var (function, p, isNd) in points.OrderBy(p => p.Nd))
{
    svg.AppendLine(isNd
        ? $"<circle cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"7\" fill=\"#cc2222\"/>"
        : $"<circle cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"5\" fill=\"white\" stroke=\"#333\" stroke-width=\"1.5\"/>");
    labelRow++;
    svg.AppendLine($"<text x=\"{F(p.X + 9)}\" y=\"{F(p.Y - 6)}\" font-size=\"11\">{labelRow}</text>");
    svg.AppendLine($"<text x=\"{F(size + margin + 20)}\" y=\"{F(margin + 18 * labelRow)}\" font-size=\"11\" fill=\"{(isNd ? "#cc2222" : "#333")}\">{labelRow}: {Escape(function.ToString())}</text>");
}
svg.AppendLine($"<text x=\"{F(margin)}\" y=\"{F(height - 12)}\">F(s) of the ring MDP at γ = {F(g)}: {all.Count} visit distributions, {nd.Count} non-dominated (filled) = vertices of the hull</text>");
svg.AppendLine("</svg>");
var path = Path.Combine(RepositoryRoot(), "docs", "images", "polytope-projection.svg");
File.WriteAllText(path, svg.ToString());
Console.WriteLine($"wrote {path}: |F(s)| = {all.Count}, |F_nd(s)| = {nd.Count}");
foreach (var (function, _, isNd) in points) Console.WriteLine($"{(isNd ? "ND " : "dom")} {function}");

static double[] Corner(Mdp mdp, int state)
{
    const double g = 0.6;
    var f = new double[mdp.StateCount];
    f[state] = g / (1 - g);
    return f;
}

static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

static string RepositoryRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PowerTheory.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run this from inside the repository (PowerTheory.sln not found above the current directory).");
}
