using System.Text;
using System.Text.Json;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>A parsed JSON value that remembers the 1-based line it starts on, so that readers of JSON-based formats can
/// name the line of a bad value (System.Text.Json's DOM does not keep positions).</summary>
internal sealed class JsonTree
{
    private JsonTree(JsonValueKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonValueKind Kind { get; }

    public int Line { get; }

    /// <summary>The members of an object, in file order (keys may repeat; readers decide).</summary>
    public List<(string Key, JsonTree Value)> Members { get; } = new();

    /// <summary>The items of an array.</summary>
    public List<JsonTree> Items { get; } = new();

    public string? Text { get; private set; }

    public double Number { get; private set; }

    /// <summary>The raw text of a number token (to tell integers from decimals).</summary>
    public string? NumberText { get; private set; }

    /// <summary>Parses UTF-8 text.</summary>
    /// <exception cref="MdpValidationException">Malformed JSON (the message names the line).</exception>
    public static JsonTree Parse(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = 64,
        });
        var lines = new LineCounter(bytes);
        try
        {
            if (!reader.Read()) throw new MdpValidationException(1, "$", "empty JSON document.");
            var root = ReadValue(ref reader, lines);
            if (reader.Read())
                throw new MdpValidationException(lines.At(reader.TokenStartIndex), "$", "extra content after the JSON value.");
            return root;
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            throw new MdpValidationException(line, "$", $"malformed JSON: {message.Replace('\n', ' ').TrimEnd()}");
        }
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, LineCounter lines)
    {
        int line = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JsonTree(JsonValueKind.Object, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string key = reader.GetString()!;
                    reader.Read();
                    node.Members.Add((key, ReadValue(ref reader, lines)));
                }
                return node;
            }
            case JsonTokenType.StartArray:
            {
                var node = new JsonTree(JsonValueKind.Array, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) node.Items.Add(ReadValue(ref reader, lines));
                return node;
            }
            case JsonTokenType.String:
                return new JsonTree(JsonValueKind.String, line) { Text = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonTree(JsonValueKind.Number, line)
                {
                    Number = reader.TryGetDouble(out var d) ? d : double.NaN,
                    NumberText = Encoding.UTF8.GetString(reader.ValueSpan),
                };
            case JsonTokenType.True:
                return new JsonTree(JsonValueKind.True, line);
            case JsonTokenType.False:
                return new JsonTree(JsonValueKind.False, line);
            default:
                return new JsonTree(JsonValueKind.Null, line);
        }
    }

    /// <summary>Maps byte offsets to line numbers, for offsets that only grow.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long _offset;
        private int _line = 1;

        public int At(long offset)
        {
            for (; _offset < offset && _offset < bytes.Length; _offset++)
                if (bytes[_offset] == (byte)'\n') _line++;
            return _line;
        }
    }
}
