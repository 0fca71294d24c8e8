namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// Holds back the flushes of the frames the calling thread writes while it handles a batch (the responses of the calls
/// one read ran inline, the next requests of the callers one <see cref="ResponseBatch"/> resumed), so they leave in
/// one socket write per connection instead of one per wake-up of its send pump. The batch's end flushes them
/// (<see cref="End"/>); a frame held by a thread that blocks in user code is flushed by its connection's periodic
/// deadline scan at the latest. Per thread; not nested (an inner <see cref="Begin"/> returns false and changes nothing).
/// </summary>
internal static class FlushHold
{
    [ThreadStatic]
    private static List<MessageConnection>? t_held;

    [ThreadStatic]
    private static List<MessageConnection>? t_spare;

    /// <summary>True while the calling thread holds its flushes back.</summary>
    public static bool IsActive => t_held is not null;

    /// <summary>Starts holding on this thread; false when it already holds (then the outer holder ends it).</summary>
    public static bool Begin()
    {
        if (t_held is not null)
        {
            return false;
        }

        t_held = t_spare ?? [];
        t_spare = null;
        return true;
    }

    /// <summary>Records that <paramref name="connection"/> has a frame from this thread waiting for <see cref="End"/>.</summary>
    public static void Add(MessageConnection connection)
    {
        var held = t_held!;
        if (!held.Contains(connection))
        {
            held.Add(connection);
        }
    }

    /// <summary>Stops holding and flushes every connection written to meanwhile.</summary>
    public static void End()
    {
        var held = t_held!;
        t_held = null;
        foreach (var connection in held)
        {
            HeldFlushScheduler.FlushThenSend(connection);
        }

        held.Clear();
        t_spare = held;
    }
}
