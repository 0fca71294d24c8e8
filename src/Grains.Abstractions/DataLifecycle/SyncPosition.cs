using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>
/// A position in an incremental-sync list (<c>?updated_since=</c>): the <c>(updated_at, id)</c> of the last row of a page.
/// Lists in sync mode are ordered by that pair ascending, and the next page starts strictly after it, so a row updated
/// after the client read it moves behind the cursor and reappears on a later page, and no row is skipped. On the wire it
/// is an opaque <c>next_cursor</c> (<see cref="Encode"/>: <c>s1_</c> + base64url of the id's 16 bytes and the time in
/// microseconds since the Unix epoch, PostgreSQL's precision). Immutable.
/// </summary>
public sealed record SyncPosition(DateTimeOffset UpdatedAt, Guid Id)
{
    private const string Prefix = "s1_";
    private const int PayloadSize = 16 + sizeof(long);

    /// <summary>The opaque cursor text clients pass back as <c>starting_after</c>.</summary>
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[PayloadSize];
        Id.TryWriteBytes(bytes[..16], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(bytes[16..], (UpdatedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        return Prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor made by <see cref="Encode"/>; <see langword="false"/> for anything else.</summary>
    public static bool TryDecode(string? text, [NotNullWhen(true)] out SyncPosition? position)
    {
        position = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length != Prefix.Length + 32)
        {
            return false;
        }

        var base64 = text[Prefix.Length..].Replace('-', '+').Replace('_', '/');
        Span<byte> bytes = stackalloc byte[PayloadSize + 2];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != PayloadSize)
        {
            return false;
        }

        var micros = BinaryPrimitives.ReadInt64BigEndian(bytes[16..PayloadSize]);
        if (micros is < 0 or > 253402300799999999L)
        {
            return false;
        }

        position = new SyncPosition(DateTimeOffset.UnixEpoch.AddTicks(micros * 10), new Guid(bytes[..16], bigEndian: true));
        return true;
    }
}
