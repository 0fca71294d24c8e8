using System.Buffers.Binary;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>Writes <see cref="BackupFrame"/>s to a stream. Not thread-safe.</summary>
internal sealed class BackupFrameWriter(Stream output)
{
    private readonly byte[] _prefix = new byte[1 + sizeof(int)];

    public async Task WriteAsync(BackupFrame kind, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _prefix[0] = (byte)kind;
        BinaryPrimitives.WriteInt32BigEndian(_prefix.AsSpan(1), bytes.Length);
        await output.WriteAsync(_prefix, cancellationToken);
        if (bytes.Length > 0)
        {
            await output.WriteAsync(bytes, cancellationToken);
        }
    }
}
