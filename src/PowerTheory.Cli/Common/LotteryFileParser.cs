using PowerTheory.Retargeting;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Reads <c>--lotteries FILE</c>: one outcome lottery per line, d comma-separated numbers, optionally preceded by a label
/// and a colon (<c>mix: 0.5,0.5,0</c>); blank lines and lines starting with <c>#</c> are skipped. Lottery i is the i-th
/// lottery line (0-based), which <c>--a</c> and <c>--b</c> refer to.
/// </summary>
public static class LotteryFileParser
{
    /// <summary>Parses the file; errors name the file, the line and what was expected.</summary>
    public static LotterySet Load(string path, int dimension)
    {
        if (!File.Exists(path)) throw new CliUsageException($"--lotteries: no file '{path}'.");
        var lotteries = new List<OutcomeLottery>();
        var seen = new Dictionary<OutcomeLottery, int>();
        int lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string? label = null;
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                label = line[..colon].Trim();
                line = line[(colon + 1)..];
            }
            var parts = line.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != dimension)
                throw new CliUsageException($"--lotteries {path}, line {lineNumber}: {parts.Length} numbers, expected d = {dimension} (the length of --theta).");
            var vector = new double[dimension];
            for (int i = 0; i < dimension; i++)
                if (!Numbers.TryParseFinite(parts[i], out vector[i]))
                    throw new CliUsageException($"--lotteries {path}, line {lineNumber}: entry {i} '{parts[i]}' is not a finite number.");
            var lottery = new OutcomeLottery(vector, string.IsNullOrEmpty(label) ? "x" + lotteries.Count : label);
            if (seen.TryGetValue(lottery, out int earlier))
                throw new CliUsageException($"--lotteries {path}, line {lineNumber}: repeats lottery {earlier}; lotteries must be distinct.");
            seen[lottery] = lotteries.Count;
            lotteries.Add(lottery);
        }
        if (lotteries.Count == 0) throw new CliUsageException($"--lotteries {path}: no lottery lines.");
        return new LotterySet(lotteries, dimension);
    }
}
