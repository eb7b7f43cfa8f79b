using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>What a format keeps of a model's state labels.</summary>
internal enum LabelKeeping
{
    /// <summary>Every label.</summary>
    All,

    /// <summary>Labels made of identifier words only (DRN, PRISM).</summary>
    IdentifierWords,

    /// <summary>None (POWERplay's .gv).</summary>
    None,
}

/// <summary>
/// One registered model file format: its name and aliases, its file extension, how it reads (null: write only) and
/// writes, the side files it owns, and what it can keep — the facts <see cref="MdpFormats"/> turns into its notes.
/// </summary>
/// <param name="Format">The enum value.</param>
/// <param name="Name">The short name (<c>json</c>, <c>prism</c>, …).</param>
/// <param name="Aliases">Other accepted names.</param>
/// <param name="Extension">The file extension.</param>
/// <param name="Parse">Reads the file's text (null: write only).</param>
/// <param name="Write">Adds the file(s) of a document at a path to <c>files</c> and its notes to <c>notes</c>; the
/// last two arguments are the per-state values and their name of a diagram.</param>
/// <param name="CharsPerTransition">Characters per transition of an export (measured on 300×300 grids, margin ≈ 1.5).</param>
/// <param name="NumbersStates">States are written by number, not by name.</param>
/// <param name="KeepsSettings">γ and the reward law are written.</param>
/// <param name="KeepsRewardVector">A fixed reward vector is written.</param>
/// <param name="Labels">What it keeps of the state labels.</param>
/// <param name="Companions">The side files it owns beside the main file.</param>
internal sealed record MdpFormatEntry(
    MdpFormat Format, string Name, string[] Aliases, string Extension, Func<string, MdpImport>? Parse,
    Action<MdpDocument, string, List<(string Path, string Text)>, List<string>, IReadOnlyDictionary<string, double>?, string?> Write,
    double CharsPerTransition, bool NumbersStates, bool KeepsSettings, bool KeepsRewardVector, LabelKeeping Labels,
    Func<string, IReadOnlyList<string>> Companions);

/// <summary>The registry of model file formats: <see cref="MdpFormats"/> (names, extensions, reading, writing, notes,
/// companions, export estimates) and the CLI's <c>--to</c>/<c>--from</c> read this one list. A new format is its reader
/// and writer plus one line here (and its enum value).</summary>
internal static class MdpFormatRegistry
{
    private static IReadOnlyList<string> NoCompanions(string path) => [];

    public static IReadOnlyList<MdpFormatEntry> All { get; } =
    [
        new(MdpFormat.Json, "json", [], ".json", text => new MdpImport(MdpJson.Parse(text), []),
            (d, p, files, _, _, _) => files.Add((p, MdpJson.ToJson(d) + "\n")),
            50, NumbersStates: false, KeepsSettings: true, KeepsRewardVector: true, LabelKeeping.All, NoCompanions),
        new(MdpFormat.Drn, "drn", [], ".drn", DrnFormat.Parse,
            (d, p, files, _, _, _) => files.Add((p, DrnFormat.Write(d))),
            45, NumbersStates: true, KeepsSettings: false, KeepsRewardVector: true, LabelKeeping.IdentifierWords, NoCompanions),
        new(MdpFormat.Prism, "prism", ["tra"], ".tra", text => PrismExplicitFormat.Parse(text),
            (d, p, files, _, _, _) =>
            {
                var (tra, lab, srew) = PrismExplicitFormat.Write(d);
                files.Add((p, tra));
                if (lab is not null) files.Add((Path.ChangeExtension(p, ".lab"), lab));
                if (srew is not null) files.Add((Path.ChangeExtension(p, ".srew"), srew));
            },
            36, NumbersStates: true, KeepsSettings: false, KeepsRewardVector: true, LabelKeeping.IdentifierWords,
            p => [Path.ChangeExtension(p, ".lab"), Path.ChangeExtension(p, ".srew")]),
        new(MdpFormat.GymP, "gym", ["gym-p", "gymp"], ".json", GymPFormat.Parse,
            (d, p, files, notes, _, _) =>
            {
                files.Add((p, GymPFormat.Write(d) + "\n"));
                notes.AddRange(GymPFormat.ExportNotes(d));
            },
            50, NumbersStates: false, KeepsSettings: false, KeepsRewardVector: true, LabelKeeping.All, NoCompanions),
        new(MdpFormat.PowerplayGv, "gv", ["powerplay"], ".gv", PowerplayGvFormat.Parse,
            (d, p, files, _, _, _) => files.Add((p, PowerplayGvFormat.Write(d.Mdp))),
            250, NumbersStates: false, KeepsSettings: false, KeepsRewardVector: false, LabelKeeping.None, NoCompanions),
        new(MdpFormat.Dot, "dot", [], ".dot", null,
            (d, p, files, _, values, valueName) => files.Add((p, DotFormat.Write(d.Mdp, values, valueName))),
            125, NumbersStates: false, KeepsSettings: false, KeepsRewardVector: false, LabelKeeping.All, NoCompanions),
    ];

    /// <summary>The entry of <paramref name="format"/>.</summary>
    public static MdpFormatEntry Of(MdpFormat format) => All.First(e => e.Format == format);
}
