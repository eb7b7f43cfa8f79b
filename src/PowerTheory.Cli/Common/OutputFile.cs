namespace PowerTheory.Cli.Common;

/// <summary>Checks and writes output files with one-line errors naming the option and the path.</summary>
public static class OutputFile
{
    /// <summary>Refuses a directory, an existing file without <paramref name="overwrite"/>, and a missing parent directory.</summary>
    public static void CheckWritable(string path, bool overwrite, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            throw new CliUsageException($"{what} '{path}' is a directory; give a file name.");
        if (File.Exists(path) && !overwrite)
            throw new CliUsageException($"{what} '{path}' already exists; pass --force to overwrite it.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
            throw new CliUsageException($"cannot write {what} '{path}': directory '{directory}' does not exist.");
    }

    /// <summary>Writes the text, turning I/O failures (a full disk, no permission) into one-line usage errors.</summary>
    public static void Write(string path, string text, string what)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write {what} '{path}': {ErrorText.OneLine(e.Message)}");
        }
    }
}
