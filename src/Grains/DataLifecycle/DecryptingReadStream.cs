using System.Buffers.Binary;
using System.Security.Cryptography;
using MindPeeker.Grains.Abstractions.DataLifecycle;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// A read-only stream of the plaintext of <see cref="BackupChunkCipher"/> chunks read from <paramref name="inner"/>. Every
/// chunk is authenticated before any of its bytes is returned; a changed byte, a missing final chunk or data after it
/// throws <see cref="BackupRejectedException"/>.
/// </summary>
internal sealed class DecryptingReadStream(Stream inner, BackupChunkCipher cipher) : Stream
{
    private byte[] _plain = [];
    private int _offset;
    private long _index;
    private bool _finished;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _plain.Length)
        {
            if (_finished)
            {
                return 0;
            }

            await NextChunkAsync(cancellationToken);
        }

        var take = Math.Min(buffer.Length, _plain.Length - _offset);
        _plain.AsMemory(_offset, take).CopyTo(buffer);
        _offset += take;
        return take;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async Task NextChunkAsync(CancellationToken cancellationToken)
    {
        var prefix = new byte[sizeof(int) + BackupChunkCipher.TagSize];
        var read = await inner.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken);
        if (read != prefix.Length)
        {
            throw new BackupRejectedException("The backup file is truncated: its final chunk is missing.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(prefix);
        if (length is < 0 or > BackupChunkCipher.ChunkSize)
        {
            throw new BackupRejectedException("The backup file is corrupt: a chunk has an impossible length.");
        }

        var ciphertext = new byte[length];
        if (await inner.ReadAtLeastAsync(ciphertext, length, throwOnEndOfStream: false, cancellationToken) != length)
        {
            throw new BackupRejectedException("The backup file is truncated inside a chunk.");
        }

        var plain = new byte[length];
        var atEnd = inner.CanSeek && inner.Position == inner.Length;
        try
        {
            // The final chunk is the one sealed with the final flag: try the flag the position suggests first.
            cipher.Decrypt(_index, atEnd, ciphertext, prefix.AsSpan(sizeof(int)), plain);
            _finished = atEnd;
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new BackupRejectedException(
                $"The backup file failed authentication at chunk {_index}: it was altered, truncated, or sealed with another key.", exception);
        }

        _index++;
        _plain = plain;
        _offset = 0;
    }
}
