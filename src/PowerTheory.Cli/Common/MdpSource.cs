using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Mdps.Formats;
using PowerTheory.Rewards;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Resolves the MDP argument of a command: a path to a JSON MDP file, or (when no such file exists) the name of a
/// built-in environment. Every failure is a <see cref="CliUsageException"/> with one line naming the file and the problem.
/// </summary>
public static class MdpSource
{
    /// <summary>The help text of an MDP argument.</summary>
    public const string ArgumentDescription =
        "A JSON MDP file (see docs/cli.md), or the name of a built-in environment when no such file exists (see 'powertheory env list').";

    /// <summary>A loaded MDP document and where it came from.</summary>
    /// <param name="Document">The model and the file's stored γ, reward vector and reward spec.</param>
    /// <param name="Source">The file path or built-in name as given.</param>
    /// <param name="IsBuiltIn">True when <paramref name="Source"/> named a built-in environment.</param>
    public sealed record Loaded(MdpDocument Document, string Source, bool IsBuiltIn)
    {
        /// <summary>The model.</summary>
        public Mdp Mdp => Document.Mdp;
    }

    /// <summary>Loads the MDP named by <paramref name="pathOrName"/>.</summary>
    public static Loaded Load(string? pathOrName)
    {
        if (string.IsNullOrWhiteSpace(pathOrName))
            throw new CliUsageException("the MDP argument is empty; give a JSON MDP file or a built-in environment name.");
        if (Directory.Exists(pathOrName))
            throw new CliUsageException($"MDP file '{pathOrName}' is a directory, not a JSON file.");
        if (!File.Exists(pathOrName))
        {
            if (BuiltInEnvironments.TryGet(pathOrName, out var env))
                return new Loaded(new MdpDocument(env.Create()), pathOrName, true);
            throw new CliUsageException(
                $"MDP file '{pathOrName}' does not exist and is not a built-in environment (see 'powertheory env list').");
        }
        string text;
        try
        {
            text = File.ReadAllText(pathOrName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read MDP file '{pathOrName}': {ErrorText.OneLine(e.Message)}");
        }
        MdpDocument document;
        try
        {
            document = MdpJson.Parse(text);
        }
        catch (MdpValidationException e)
        {
            throw new CliUsageException($"{pathOrName}: {ErrorText.OneLine(e.Message)}");
        }
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
        return new Loaded(document, pathOrName, false);
    }
}
