using System.Buffers;
using System.Text;

namespace PowerTheory.Cli.Common;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> of UTF-8 bytes that ends up in a <see cref="TextWriter"/>: it holds everything
/// in memory up to <see cref="HoldBytes"/>, so that a document that fails part way leaves no output, and beyond that
/// passes the bytes on in chunks as they are written, so that a document of any size (every state of a 10⁷-state
/// model) takes bounded memory instead of one string of its whole text.
/// </summary>
internal sealed class TextBufferWriter : IBufferWriter<byte>
{
    /// <summary>The bytes held back before output starts (16 MB).</summary>
    public const int HoldBytes = 16 << 20;

    private const int ChunkBytes = 1 << 16;

    private readonly TextWriter _output;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private byte[] _buffer = new byte[ChunkBytes];
    private char[] _chars = [];
    private int _held;

    public TextBufferWriter(TextWriter output) => _output = output;

    /// <summary>True once bytes have been passed on (a later failure leaves a partial document).</summary>
    public bool Started { get; private set; }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_held + count > _buffer.Length) throw new InvalidOperationException("advanced past the memory handed out.");
        _held += count;
        if (_held >= HoldBytes || (Started && _held >= ChunkBytes)) Pass(final: false);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_held);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_held);
    }

    /// <summary>Writes whatever is held (call once the document is complete).</summary>
    public void Complete() => Pass(final: true);

    private void Ensure(int sizeHint)
    {
        int need = _held + Math.Max(sizeHint, 256);
        if (need <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(need, Math.Min(2 * _buffer.Length, Math.Max(need, HoldBytes + ChunkBytes))));
    }

    private void Pass(bool final)
    {
        int chars = _decoder.GetCharCount(_buffer, 0, _held, final);
        if (_chars.Length < chars) _chars = new char[chars];
        int written = _decoder.GetChars(_buffer, 0, _held, _chars, 0, final);
        _output.Write(_chars, 0, written);
        _held = 0;
        Started = true;
    }
}
