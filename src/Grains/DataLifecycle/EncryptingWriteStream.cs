using System.Buffers.Binary;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// A write-only stream that seals what is written into <see cref="BackupChunkCipher"/> chunks on <paramref name="inner"/>.
/// <see cref="CompleteAsync"/> writes the final chunk (possibly empty); a file without one is rejected as truncated.
/// </summary>
internal sealed class EncryptingWriteStream(Stream inner, BackupChunkCipher cipher) : Stream
{
    private readonly byte[] _buffer = new byte[BackupChunkCipher.ChunkSize];
    private int _count;
    private long _index;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            if (_count == _buffer.Length)
            {
                await SealAsync(final: false, cancellationToken);
            }

            var take = Math.Min(buffer.Length, _buffer.Length - _count);
            buffer.Span[..take].CopyTo(_buffer.AsSpan(_count));
            _count += take;
            buffer = buffer[take..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Seals the buffered bytes as the final chunk and flushes <c>inner</c>.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await SealAsync(final: true, cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task SealAsync(bool final, CancellationToken cancellationToken)
    {
        var chunk = new byte[sizeof(int) + BackupChunkCipher.TagSize + _count];
        BinaryPrimitives.WriteInt32BigEndian(chunk, _count);
        cipher.Encrypt(_index++, final, _buffer.AsSpan(0, _count), chunk.AsSpan(sizeof(int) + BackupChunkCipher.TagSize), chunk.AsSpan(sizeof(int), BackupChunkCipher.TagSize));
        await inner.WriteAsync(chunk, cancellationToken);
        _count = 0;
    }
}
