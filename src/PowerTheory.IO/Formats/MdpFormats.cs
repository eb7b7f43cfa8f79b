using System.Globalization;
using System.Text.Json;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// Picks a model file format by name or extension and reads or writes it: <c>.json</c> (canonical JSON, or gym-P when
/// the root object has no <c>transitions</c> field), <c>.drn</c>, <c>.tra</c> (PRISM, with <c>.lab</c>/<c>.srew</c>
/// beside it), <c>.gv</c> (POWERplay) and <c>.dot</c> (write only).
/// </summary>
public static class MdpFormats
{
    /// <summary>The format names accepted by <see cref="ParseName"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> Names { get; } = MdpFormatRegistry.All.Select(e => e.Name).ToArray();

    /// <summary>The short name of a format (<c>json</c>, <c>drn</c>, <c>prism</c>, <c>gym</c>, <c>gv</c>, <c>dot</c>).</summary>
    public static string NameOf(MdpFormat format) => MdpFormatRegistry.Of(format).Name;

    /// <summary>True for the formats that can be read (all but <see cref="MdpFormat.Dot"/>).</summary>
    public static bool CanRead(MdpFormat format) => MdpFormatRegistry.Of(format).Parse is not null;

    /// <summary>Parses a format name, case-insensitively (<c>tra</c> is accepted for <c>prism</c>, <c>gym-p</c> for <c>gym</c>).</summary>
    /// <exception cref="ArgumentException">Not a format name (the message lists them).</exception>
    public static MdpFormat ParseName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.Trim().ToLowerInvariant();
        foreach (var e in MdpFormatRegistry.All)
            if (e.Name == n || e.Aliases.Contains(n)) return e.Format;
        throw new ArgumentException($"unknown MDP format '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>The format a file extension stands for (<c>.json</c> gives <see cref="MdpFormat.Json"/>; reading sniffs
    /// gym-P), or null for an unknown extension.</summary>
    public static MdpFormat? FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        foreach (var e in MdpFormatRegistry.All)
            if (e.Extension == ext) return e.Format;
        return null;
    }

    /// <summary>Reads a model file in <paramref name="format"/>, or in the format of its extension (JSON by default,
    /// with gym-P recognised by content).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MdpValidationException">The file is invalid (the message names the line where it can).</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is <see cref="MdpFormat.Dot"/> (write only).</exception>
    public static MdpImport Load(string path, MdpFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var f = format ?? FromPath(path) ?? MdpFormat.Json;
        if (f == MdpFormat.Prism) return PrismExplicitFormat.Load(path);
        return Parse(StrictUtf8.ReadFile(path), f, sniffJson: format is null);
    }

    /// <summary>Parses model text in a format (PRISM: the <c>.tra</c> text alone).</summary>
    /// <param name="text">The file contents.</param>
    /// <param name="format">The format.</param>
    /// <param name="sniffJson">When true and <paramref name="format"/> is <see cref="MdpFormat.Json"/>, a root object
    /// without <c>states</c> or <c>transitions</c> is read as gym-P.</param>
    public static MdpImport Parse(string text, MdpFormat format, bool sniffJson = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (format == MdpFormat.Json && sniffJson && LooksLikeGymP(text)) format = MdpFormat.GymP;
        return (MdpFormatRegistry.Of(format).Parse
            ?? throw new ArgumentException("the DOT format is write only (a diagram); read .gv files as POWERplay's format.", nameof(format)))(text);
    }

    /// <summary>Writes a document in a format: one file, or for PRISM the <c>.tra</c> file and, when there is
    /// something to put in them, <c>.lab</c> and <c>.srew</c> files beside it.</summary>
    /// <param name="document">The model and its settings.</param>
    /// <param name="path">The output file.</param>
    /// <param name="format">The format.</param>
    /// <param name="stateValues">For <see cref="MdpFormat.Dot"/>: optional per-state values to colour the states by.</param>
    /// <param name="valueName">For <see cref="MdpFormat.Dot"/>: what the values are.</param>
    /// <returns>The files written, notes on what the format could not keep, and the stale companion files removed (a
    /// <c>.lab</c>/<c>.srew</c> of an earlier export that this model does not need).</returns>
    public static MdpSaveResult Save(MdpDocument document, string path, MdpFormat format,
        IReadOnlyDictionary<string, double>? stateValues = null, string? valueName = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(path);
        var files = new List<string>();
        var (texts, notes) = Render(document, path, format, stateValues, valueName);
        foreach (var (file, text) in texts)
        {
            File.WriteAllText(file, text);
            files.Add(file);
        }
        var removed = StaleCompanions(path, format, texts).ToList();
        foreach (var file in removed) File.Delete(file);
        return new MdpSaveResult(files, notes, removed);
    }

    /// <summary>The side files a format owns beside <paramref name="path"/>: for PRISM the <c>.lab</c> and <c>.srew</c>
    /// files with the same name; none for the one-file formats.</summary>
    public static IReadOnlyList<string> OwnedCompanions(string path, MdpFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        return MdpFormatRegistry.Of(format).Companions(path);
    }

    /// <summary>The companions of <paramref name="path"/> that exist on disk but that this export does not write: left by
    /// an earlier export, they would be read with the new <c>.tra</c>, so whoever writes it removes them.</summary>
    public static IEnumerable<string> StaleCompanions(string path, MdpFormat format, IReadOnlyList<(string Path, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var written = files.Select(f => Path.GetFullPath(f.Path)).ToHashSet(StringComparer.Ordinal);
        return OwnedCompanions(path, format).Where(c => File.Exists(c) && !written.Contains(Path.GetFullPath(c)));
    }

    /// <summary>The text(s) <see cref="Save"/> would write, by file path, and the notes.</summary>
    public static (IReadOnlyList<(string Path, string Text)> Files, IReadOnlyList<string> Notes) Render(MdpDocument document,
        string path, MdpFormat format, IReadOnlyDictionary<string, double>? stateValues = null, string? valueName = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(path);
        var mdp = document.Mdp;
        RequireExportMemory(mdp, format);
        var notes = new List<string>();
        var files = new List<(string, string)>();
        var entry = MdpFormatRegistry.Of(format);
        bool numbered = Enumerable.Range(0, mdp.StateCount).All(s => mdp.StateNames[s] == s.ToString(CultureInfo.InvariantCulture));
        if (entry.NumbersStates && !numbered)
            notes.Add($"{entry.Name} names states by number: state i is the i-th state of the model{(format == MdpFormat.Drn ? " (its name is kept in a comment)" : "")}.");
        if (!entry.KeepsSettings && (document.Gamma is not null || document.RewardSpec is not null))
            notes.Add($"{entry.Name} has no place for the discount or the reward law; they were not written.");
        if (!entry.KeepsRewardVector && document.Rewards is not null)
            notes.Add($"{entry.Name} has no place for the reward vector; it was not written.");
        if (entry.Labels != LabelKeeping.All)
        {
            var dropped = mdp.Labels.Where(l => entry.Labels == LabelKeeping.None || !FormatText.IsIdentifierList(l.Value)).Select(l => l.Key).ToList();
            if (dropped.Count > 0)
                notes.Add($"{entry.Name} keeps {(entry.Labels == LabelKeeping.None ? "no state labels" : "only labels made of identifier words")}: the labels of {dropped.Count} state(s) ({string.Join(", ", dropped.Take(3).Select(d => $"'{d}'"))}{(dropped.Count > 3 ? ", …" : "")}) were not written.");
        }
        entry.Write(document, path, files, notes, stateValues, valueName);
        return (files, notes);
    }

    /// <summary>Refuses up front an export whose text cannot be held: beyond <see cref="Budgets.MemoryEstimate.MaxExportChars"/>
    /// characters, or beyond the memory budget with what the process already holds.</summary>
    private static void RequireExportMemory(Mdp mdp, MdpFormat format)
    {
        double names = 0;
        for (int s = 0; s < mdp.StateCount; s++) names += mdp.StateNames[s].Length;
        double meanName = 2 * names / Math.Max(1, mdp.StateCount) + 2; // a transition names two states and an action
        // Bytes per transition measured on 300×300 grids with and without slip: JSON 33, DRN 29, PRISM 24, .gv 162,
        // DOT 80 (gym-P taken as JSON); the registry holds them with a margin of about 1.5.
        double perTransition = MdpFormatRegistry.Of(format).CharsPerTransition;
        double chars = Budgets.MemoryEstimate.ExportChars(perTransition, mdp.TransitionCount, meanName / 3);
        string what = FormattableString.Invariant($"the {NameOf(format)} text of {mdp.StateCount} states and {mdp.TransitionCount} transitions");
        if (chars > Budgets.MemoryEstimate.MaxExportChars)
            throw new InvalidOperationException(FormattableString.Invariant(
                $"{what} would be about {chars:0.#E+0} characters; one export holds its whole text in memory, at most {Budgets.MemoryEstimate.MaxExportChars:0E+0} characters: use a smaller model{(format == MdpFormat.Prism ? "" : ", or a more compact format (PRISM .tra is the most compact)")}."));
        Budgets.MemoryBudget.Require(GC.GetTotalMemory(false) + Budgets.MemoryEstimate.BytesPerExportChar * chars, what, "use a smaller model");
    }

    private static bool LooksLikeGymP(string text) => JsonTree.RootIsTableOfContainers(text, "transitions", "states");
}
