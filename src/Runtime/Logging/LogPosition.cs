namespace MindPeeker.Runtime.Logging;

/// <summary>
/// A place in the log tail merged from several processes: entries are ordered by timestamp, then by the
/// <see cref="LogRingBuffer.Id"/> of the process that logged them, then by that buffer's sequence number.
/// </summary>
public sealed record LogPosition(DateTimeOffset Timestamp, Guid BufferId, long Sequence)
{
    /// <summary>Whether the entry numbered <paramref name="sequence"/> in buffer <paramref name="bufferId"/>, logged at <paramref name="timestamp"/>, comes after this place.</summary>
    public bool IsBefore(DateTimeOffset timestamp, Guid bufferId, long sequence)
    {
        var byTime = Timestamp.UtcTicks.CompareTo(timestamp.UtcTicks);
        if (byTime != 0)
        {
            return byTime < 0;
        }

        var byBuffer = BufferId.CompareTo(bufferId);
        return byBuffer != 0 ? byBuffer < 0 : Sequence < sequence;
    }
}
