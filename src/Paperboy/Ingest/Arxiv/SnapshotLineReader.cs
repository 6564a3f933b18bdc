using System.IO.Compression;

namespace Paperboy.Ingest.Arxiv;

/// <summary>
/// Reads a JSON-lines file (plain or gzip, told apart by its first bytes) line by line without decoding text,
/// keeping the line number and the byte offset in the uncompressed stream, so that a reader can be reopened
/// where a previous one stopped.
/// </summary>
public sealed class SnapshotLineReader : IDisposable
{
    readonly Stream _stream;
    byte[] _buffer = new byte[1 << 20];
    int _start, _end;
    bool _eof;

    /// <summary>Lines read so far (the last line returned is line <see cref="LineNumber"/>, counting from 1).</summary>
    public long LineNumber { get; private set; }
    /// <summary>Uncompressed bytes consumed up to the end of the last line returned.</summary>
    public long Offset { get; private set; }

    SnapshotLineReader(Stream stream) => _stream = stream;

    public static SnapshotLineReader Open(string path, long lineNumber = 0, long offset = 0)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var gzip = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        var reader = new SnapshotLineReader(stream) { LineNumber = lineNumber, Offset = offset };
        if (offset > 0)
        {
            if (gzip) reader.Skip(offset);
            else file.Position = offset;
        }
        return reader;
    }

    void Skip(long bytes)
    {
        var scratch = new byte[1 << 16];
        while (bytes > 0)
        {
            var n = _stream.Read(scratch, 0, (int)Math.Min(scratch.Length, bytes));
            if (n == 0) throw new InvalidDataException("the file is shorter than the saved position; it changed since the last run");
            bytes -= n;
        }
    }

    /// <summary>The next line without its line break (valid until the next call); false at the end of the file.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Trim(_buffer.AsSpan(_start, newline));
                _start += newline + 1;
                Offset += newline + 1;
                LineNumber++;
                return true;
            }
            if (_eof)
            {
                if (_start == _end) { line = default; return false; }
                line = Trim(_buffer.AsSpan(_start, _end - _start));
                Offset += _end - _start;
                _start = _end;
                LineNumber++;
                return true;
            }
            Fill();
        }
    }

    void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
    }

    static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    public void Dispose() => _stream.Dispose();
}
