using System.IO.Pipelines;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// The send pump's scheduler on connections whose handler holds flushes per read (see <see cref="FlushHold"/>): when a
/// hold ends, the flush that wakes the pump hands it to the flushing thread, which runs it right after releasing the
/// write lock, so the batch's frames go to the socket without another thread-pool hop. Any other wake-up goes to the
/// thread pool, as with <see cref="PipeScheduler.ThreadPool"/>. Thread-safe; the capture is per thread.
/// </summary>
internal sealed class HeldFlushScheduler : PipeScheduler
{
    public static readonly HeldFlushScheduler Instance = new();

    [ThreadStatic]
    private static bool t_capturing;

    [ThreadStatic]
    private static Action<object?>? t_action;

    [ThreadStatic]
    private static object? t_state;

    private HeldFlushScheduler()
    {
    }

    public override void Schedule(Action<object?> action, object? state)
    {
        if (t_capturing && t_action is null)
        {
            t_action = action;
            t_state = state;
            return;
        }

        System.Threading.ThreadPool.UnsafeQueueUserWorkItem(action, state, preferLocal: false);
    }

    /// <summary>Flushes <paramref name="connection"/>'s held frames; a pump wake-up this causes runs on this thread afterwards.</summary>
    public static void FlushThenSend(MessageConnection connection)
    {
        t_capturing = true;
        try
        {
            connection.FlushHeldFrames();
        }
        finally
        {
            t_capturing = false;
            if (t_action is { } action)
            {
                // A captured wake-up must run whatever happened, or the pump would wait for a flush that already came.
                var state = t_state;
                t_action = null;
                t_state = null;
                action(state);
            }
        }
    }
}
