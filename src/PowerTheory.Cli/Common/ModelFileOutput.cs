using PowerTheory.IO.Formats;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Writes the file(s) of a model export (<c>convert</c>, <c>env export</c>): every file follows the output-file rule of
/// <see cref="OutputFile"/>, and a companion the format owns but this export does not write (a PRISM <c>.lab</c> or
/// <c>.srew</c> of an earlier export) is removed — with <c>--force</c>, like any overwrite — and named on stderr, so that
/// reading the new <c>.tra</c> cannot pick up another model's labels or rewards.
/// </summary>
public static class ModelFileOutput
{
    public static void Write(CliContext context, string path, MdpFormat format, IReadOnlyList<(string Path, string Text)> files, bool force)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(files);
        var stale = MdpFormats.StaleCompanions(path, format, files).ToList();
        foreach (var (file, _) in files) OutputFile.CheckWritable(file, force, "OUT");
        foreach (var file in stale)
        {
            if (!force)
                throw new CliUsageException($"'{file}' exists beside OUT and would be read with it, but this model has nothing to put in it; pass --force to remove it.");
        }
        foreach (var (file, text) in files) OutputFile.Write(file, text, "OUT");
        foreach (var file in stale)
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"cannot remove the stale companion '{file}': {ErrorText.OneLine(e.Message)}");
            }
            context.Diagnostic($"note: removed {file}: left by an earlier export, it does not belong to this model.");
        }
    }
}
