namespace PowerTheory.Cli.Common;

/// <summary>
/// The one rule for every file a command writes (<c>convert</c>, <c>env export</c>, <c>plot</c>): the parent directory
/// must exist (nothing is created), an existing file is replaced only with <c>--force</c>, and every failure is one line
/// naming the option and the path, with the reason in words (never the runtime's exception text).
/// </summary>
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
    public static void Write(string path, string text, string what) => Guard(path, what, () => File.WriteAllText(path, text));

    /// <summary>Runs <paramref name="write"/>, turning I/O failures into one-line usage errors naming the file.</summary>
    public static void Guard(string path, string what, Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliUsageException($"cannot write {what} '{path}': {Reason(e)}.");
        }
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "its directory does not exist",
        FileNotFoundException => "the file system does not allow creating it there",
        PathTooLongException => "the path is too long",
        NotSupportedException => "the path is not a valid file name",
        _ when e.HResult == unchecked((int)0x80070070) || e.Message.Contains("space", StringComparison.OrdinalIgnoreCase) => "the disk is full",
        _ => "the file system refused the write (" + ErrorText.OneLine(e.Message).TrimEnd('.') + ")",
    };
}
