using System.Text;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// Reads model files as strict UTF-8: an invalid byte sequence is refused with the line it is on, never replaced by
/// U+FFFD. A leading byte-order mark is dropped.
/// </summary>
public static class StrictUtf8
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a whole file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MdpValidationException">The file is not valid UTF-8 (the message names the line).</exception>
    public static string ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"file '{path}' does not exist.", path);
        return Decode(File.ReadAllBytes(path));
    }

    /// <summary>Decodes bytes as strict UTF-8.</summary>
    /// <exception cref="MdpValidationException">An invalid byte sequence (the message names its 1-based line and byte).</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            int line = 1, start = 0;
            while (true)
            {
                int end = bytes[start..].IndexOf((byte)'\n');
                var lineBytes = end < 0 ? bytes[start..] : bytes.Slice(start, end);
                try
                {
                    Strict.GetCharCount(lineBytes);
                }
                catch (DecoderFallbackException)
                {
                    int column = FirstInvalid(lineBytes) + 1;
                    throw new MdpValidationException(line, "$",
                        $"invalid UTF-8 byte 0x{lineBytes[column - 1]:X2} at byte {column} of the line; save the file as UTF-8.");
                }
                if (end < 0) break;
                start += end + 1;
                line++;
            }
            throw; // unreachable: some line must fail when the whole text does
        }
    }

    private static int FirstInvalid(ReadOnlySpan<byte> line)
    {
        for (int k = 1; k <= line.Length; k++)
        {
            try
            {
                Strict.GetCharCount(line[..k]);
            }
            catch (DecoderFallbackException)
            {
                // A truncated multi-byte sequence only fails once it is followed by a non-continuation byte or the end.
                for (int j = k - 1; j >= 0; j--)
                    if ((line[j] & 0xC0) != 0x80 || j == 0) return j;
            }
        }
        return 0;
    }
}
