using System.Buffers.Binary;
using MindPeeker.Grains.Abstractions.DataLifecycle;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>Reads <see cref="BackupFrame"/>s from a stream; a malformed frame throws <see cref="BackupRejectedException"/>. Not thread-safe.</summary>
internal sealed class BackupFrameReader(Stream input)
{
    private const int MaxFrame = 64 * 1024 * 1024;
    private readonly byte[] _prefix = new byte[1 + sizeof(int)];

    public async Task<(BackupFrame Kind, byte[] Bytes)> ReadAsync(CancellationToken cancellationToken)
    {
        if (await input.ReadAtLeastAsync(_prefix, _prefix.Length, throwOnEndOfStream: false, cancellationToken) != _prefix.Length)
        {
            throw new BackupRejectedException("The backup's content ends early.");
        }

        var kind = (BackupFrame)_prefix[0];
        var length = BinaryPrimitives.ReadInt32BigEndian(_prefix.AsSpan(1));
        if (!Enum.IsDefined(kind) || length is < 0 or > MaxFrame)
        {
            throw new BackupRejectedException("The backup's content is malformed.");
        }

        var bytes = new byte[length];
        if (await input.ReadAtLeastAsync(bytes, length, throwOnEndOfStream: false, cancellationToken) != length)
        {
            throw new BackupRejectedException("The backup's content ends early.");
        }

        return (kind, bytes);
    }
}
