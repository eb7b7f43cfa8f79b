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

    /// <summary>The reading options of every JSON-based format: comments and trailing commas allowed, depth at most 64.</summary>
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private static readonly List<(string Key, JsonTree Value)> NoMembers = [];
    private static readonly List<JsonTree> NoItems = [];
    private List<(string Key, JsonTree Value)>? _members;
    private List<JsonTree>? _items;

    /// <summary>The members of an object, in file order (keys may repeat; readers decide); empty for other kinds.
    /// Scalars carry no lists, so a large file's tree stays close to the size of its text.</summary>
    public IReadOnlyList<(string Key, JsonTree Value)> Members => _members ?? NoMembers;

    /// <summary>The items of an array; empty for other kinds.</summary>
    public IReadOnlyList<JsonTree> Items => _items ?? NoItems;

    public string? Text { get; private set; }

    public double Number { get; private set; }

    /// <summary>The raw text of a number token written with digits only (an index such as a gym state number); null
    /// for any other number (a sign, a fraction or an exponent) and for other kinds.</summary>
    public string? NumberText { get; private set; }

    /// <summary>Parses UTF-8 text.</summary>
    /// <exception cref="MdpValidationException">Malformed JSON (the message names the line).</exception>
    public static JsonTree Parse(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, Options);
        var lines = new LineCounter(bytes);
        try
        {
            if (!reader.Read()) throw new MdpValidationException(1, "$", "empty JSON document.");
            var root = ReadValue(ref reader, lines, new StringPool());
            if (reader.Read())
                throw new MdpValidationException(lines.At(reader.TokenStartIndex), "$", "extra content after the JSON value.");
            return root;
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            string message = e.Message.Replace('\n', ' ');
            int cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            int sentence = message.IndexOf(". ", StringComparison.Ordinal);
            if (sentence > 0) message = message[..(sentence + 1)];
            throw new MdpValidationException(line, "$",
                $"malformed JSON at position {(e.BytePositionInLine ?? 0) + 1}: {message.TrimEnd()}");
        }
    }

    /// <summary>Whether the root of <paramref name="text"/> is an array, or a non-empty object whose every member is an
    /// object or an array and none is named one of <paramref name="notKeys"/>; read token by token with the options of
    /// <see cref="Parse"/> but without building the tree (for telling formats apart). False for malformed text, whose
    /// error the format's reader reports.</summary>
    public static bool RootIsTableOfContainers(string text, params string[] notKeys)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), Options);
        try
        {
            if (!reader.Read()) return false;
            if (reader.TokenType == JsonTokenType.StartArray) return true;
            if (reader.TokenType != JsonTokenType.StartObject) return false;
            int members = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (notKeys.Contains(reader.GetString())) return false;
                reader.Read();
                if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return false;
                reader.Skip();
                members++;
            }
            return members > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, LineCounter lines, StringPool strings)
    {
        int line = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JsonTree(JsonValueKind.Object, line) { _members = [] };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string key = strings.Of(ref reader);
                    reader.Read();
                    node._members.Add((key, ReadValue(ref reader, lines, strings)));
                }
                return node;
            }
            case JsonTokenType.StartArray:
            {
                var node = new JsonTree(JsonValueKind.Array, line) { _items = [] };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) node._items.Add(ReadValue(ref reader, lines, strings));
                return node;
            }
            case JsonTokenType.String:
                return new JsonTree(JsonValueKind.String, line) { Text = strings.Of(ref reader) };
            case JsonTokenType.Number:
                return new JsonTree(JsonValueKind.Number, line)
                {
                    Number = reader.TryGetDouble(out var d) ? d : double.NaN,
                    NumberText = reader.ValueSpan.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0 ? Encoding.UTF8.GetString(reader.ValueSpan) : null,
                };
            case JsonTokenType.True:
                return new JsonTree(JsonValueKind.True, line);
            case JsonTokenType.False:
                return new JsonTree(JsonValueKind.False, line);
            default:
                return new JsonTree(JsonValueKind.Null, line);
        }
    }

    /// <summary>The first member named <paramref name="key"/>.</summary>
    public bool TryGet(string key, out JsonTree value)
    {
        foreach (var (k, v) in Members)
            if (k == key)
            {
                value = v;
                return true;
            }
        value = null!;
        return false;
    }

    /// <summary>The first key that an object anywhere in the tree repeats, in file order, with the line of its second
    /// occurrence; null when every object's keys are distinct. Readers that refuse repeated keys (rather than letting
    /// the last one win) call it once after parsing.</summary>
    public (string Key, int Line)? FirstRepeatedKey()
    {
        var stack = new Stack<JsonTree>();
        stack.Push(this);
        (string Key, int Line)? first = null;
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Kind == JsonValueKind.Object && node.Members.Count > 1)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (k, v) in node.Members)
                    if (!seen.Add(k) && (first is null || v.Line < first.Value.Line)) first = (k, v.Line);
            }
            for (int i = node.Members.Count - 1; i >= 0; i--) stack.Push(node.Members[i].Value);
            for (int i = node.Items.Count - 1; i >= 0; i--) stack.Push(node.Items[i]);
        }
        return first;
    }

    /// <summary>The kind's name as the readers' messages write it (Object, Array, String, Number, True, False, Null).</summary>
    public string KindName => Kind.ToString();

    /// <summary>One string object per distinct short text (state and action names recur in every row of a model file),
    /// looked up from the decoded characters without allocating; long texts are not pooled.</summary>
    private sealed class StringPool
    {
        private const int MaxPooledLength = 128;
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
        private readonly char[] _buffer = new char[MaxPooledLength];

        public string Of(ref Utf8JsonReader reader)
        {
            int bytes = reader.HasValueSequence ? int.MaxValue : reader.ValueSpan.Length;
            if (bytes > MaxPooledLength) return reader.GetString()!;
            int length = reader.CopyString(_buffer);
            var chars = new ReadOnlySpan<char>(_buffer, 0, length);
            var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(chars, out var known)) return known;
            var text = chars.ToString();
            _pool[text] = text;
            return text;
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
