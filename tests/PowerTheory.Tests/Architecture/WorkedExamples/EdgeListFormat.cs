// begin worked example: format
using System.Globalization;
using System.Text;
using PowerTheory.IO.Formats;
using PowerTheory.Mdps;

namespace PowerTheory.Tests.Architecture.WorkedExamples;

/// <summary>A one-line-per-transition text format: <c>state action successor probability</c>, separated by spaces.</summary>
public static class EdgeListFormat
{
    public static MdpImport Parse(string text)
    {
        var builder = new MdpBuilder();
        var rows = new List<(string State, string Action, string Next, double P)>();
        int line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var f = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            if (f.Length != 4 || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double p))
                throw new MdpValidationException(line, "edge", "expected 'state action successor probability'.");
            rows.Add((f[0], f[1], f[2], p));
        }
        builder.AddStates(rows.Select(r => r.State).Distinct());
        foreach (var g in rows.GroupBy(r => (r.State, r.Action)))
            builder.AddAction(g.Key.State, g.Key.Action, g.Select(r => (r.Next, r.P)).ToArray());
        return new MdpImport(new MdpDocument(builder.Build()), []);
    }

    public static string Write(MdpDocument document)
    {
        var mdp = document.Mdp;
        var text = new StringBuilder();
        for (int s = 0; s < mdp.StateCount; s++)
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                int sa = mdp.FirstStateAction(s) + a;
                var successors = mdp.Successors(sa);
                for (int k = 0; k < successors.Length; k++)
                    text.Append(CultureInfo.InvariantCulture, $"{mdp.StateNames[s]} {mdp.ActionName(s, a)} {mdp.StateNames[successors[k]]} {mdp.Probabilities(sa)[k]:R}\n");
            }
        return text.ToString();
    }
}
// end worked example
