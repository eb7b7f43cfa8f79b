using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Rewards;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Resolves the MDP argument of a command: a model file in any importable format (canonical JSON, DRN, PRISM
/// <c>.tra</c>, gym-P JSON, POWERplay <c>.gv</c>; chosen by extension, see <see cref="MdpFormats"/>), or (when no such
/// file exists) a built-in environment <c>NAME</c> or <c>NAME:key=value,…</c>. Every failure is a
/// <see cref="CliUsageException"/> with one line naming the file, the line where known, and the problem.
/// </summary>
public static class MdpSource
{
    /// <summary>The help text of an MDP argument.</summary>
    public const string ArgumentDescription =
        "An MDP file: .json (canonical or gym-P), .drn, .tra (PRISM), .gv (POWERplay) (see docs/formats.md); or, when no such file exists, a built-in environment NAME[:key=value,...] (see 'powertheory env list').";

    /// <summary>A loaded MDP document and where it came from.</summary>
    /// <param name="Document">The model and the file's stored γ, reward vector and reward spec.</param>
    /// <param name="Source">The file path or built-in name as given.</param>
    /// <param name="IsBuiltIn">True when <paramref name="Source"/> named a built-in environment.</param>
    public sealed record Loaded(MdpDocument Document, string Source, bool IsBuiltIn)
    {
        /// <summary>The model.</summary>
        public Mdp Mdp => Document.Mdp;

        /// <summary>What the importer changed or left out (printed as <c>note:</c> lines on stderr).</summary>
        public IReadOnlyList<string> Notes { get; init; } = [];
    }

    /// <summary>Loads the MDP named by <paramref name="pathOrName"/>, printing the importer's notes on
    /// <paramref name="context"/>'s error stream.</summary>
    public static Loaded Load(string? pathOrName, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var loaded = Load(pathOrName);
        foreach (var note in loaded.Notes) context.Diagnostic($"note: {loaded.Source}: {note}");
        return loaded;
    }

    /// <summary>Loads the MDP named by <paramref name="pathOrName"/>, in the format of its extension.</summary>
    public static Loaded Load(string? pathOrName) => Load(pathOrName, (MdpFormat?)null);

    /// <summary>Loads the MDP named by <paramref name="pathOrName"/> in <paramref name="format"/> (null: by extension).</summary>
    public static Loaded Load(string? pathOrName, MdpFormat? format)
    {
        if (string.IsNullOrWhiteSpace(pathOrName))
            throw new CliUsageException("the MDP argument is empty; give an MDP file or a built-in environment name.");
        if (Directory.Exists(pathOrName))
            throw new CliUsageException($"MDP file '{pathOrName}' is a directory, not a file.");
        if (!File.Exists(pathOrName))
        {
            try
            {
                if (BuiltInEnvironments.TryCreate(pathOrName, out var mdp))
                    return new Loaded(new MdpDocument(mdp), pathOrName, true);
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException(ErrorText.OneLine(e.Message));
            }
            throw new CliUsageException(
                $"MDP file '{pathOrName}' does not exist and is not a built-in environment (see 'powertheory env list').");
        }
        var f = format ?? MdpFormats.FromPath(pathOrName);
        if (f == MdpFormat.Dot)
            throw new CliUsageException($"{pathOrName}: .dot files are diagrams written by 'convert'; read POWERplay graphs as .gv (or pass --from gv).");
        MdpImport import;
        try
        {
            import = MdpFormats.Load(pathOrName, format);
        }
        catch (MdpValidationException e)
        {
            throw new CliUsageException($"{pathOrName}: {ErrorText.OneLine(e.Message)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read MDP file '{pathOrName}': {ErrorText.OneLine(e.Message)}");
        }
        var document = import.Document;
        // The file's reward law is checked now, at load, not when a command first samples from it.
        if (document.RewardSpec is { } spec)
        {
            try
            {
                RewardDistribution.Parse(spec, document.Mdp);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new CliUsageException($"{pathOrName}: field 'reward' (\"{spec}\") is not a valid reward law: {ErrorText.OneLine(e.Message)}");
            }
        }
        return new Loaded(document, pathOrName, false) { Notes = import.Notes };
    }
}
