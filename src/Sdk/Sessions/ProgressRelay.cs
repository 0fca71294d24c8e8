namespace MindPeeker.Sdk.Sessions;

/// <summary>Passes each update to the caller's progress callback once, in sequence order, whether it came live or by polling.</summary>
internal sealed class ProgressRelay(Action<SessionUpdate>? onProgress)
{
    private readonly Lock _gate = new();

    /// <summary>The highest sequence seen (0 before any).</summary>
    public long LastSequence { get; private set; }

    public void Report(SessionUpdate update)
    {
        lock (_gate)
        {
            if (update.Sequence <= LastSequence)
            {
                return;
            }

            LastSequence = update.Sequence;
            onProgress?.Invoke(update);
        }
    }

    /// <summary>Marks updates up to <paramref name="sequence"/> as seen (they are in a snapshot already).</summary>
    public void Skip(long sequence)
    {
        lock (_gate)
        {
            LastSequence = Math.Max(LastSequence, sequence);
        }
    }
}
