namespace MindPeeker.Runtime.Scheduling;

/// <summary>
/// Runs an activation's work one item at a time on the thread pool: every piece of grain code
/// (a turn, or a continuation after an await inside one) executes on this scheduler, so an
/// activation never runs on two threads at once. Awaits inside grain code come back here because
/// they capture <see cref="TaskScheduler.Current"/>. Thread-safe.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    /// <summary>Items run per thread-pool visit before yielding, so one busy activation cannot hog a worker.</summary>
    private const int MaxItemsPerVisit = 64;

    /// <summary>How many inlined calls may nest on one thread before calls are queued instead (bounds stack depth).</summary>
    private const int MaxInlineDepth = 4;

    [ThreadStatic]
    private static ActivationTaskScheduler? s_running;

    [ThreadStatic]
    private static int s_inlineDepth;

    private readonly Queue<Task> _queue = new();
    private readonly Lock _lock = new();
    private bool _scheduled;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>True when the calling thread is executing this scheduler's work.</summary>
    public bool IsRunningOnThisThread => ReferenceEquals(s_running, this);

    protected override void QueueTask(Task task)
    {
        lock (_lock)
        {
            _queue.Enqueue(task);
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && IsRunningOnThisThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_lock)
        {
            return [.. _queue];
        }
    }

    /// <summary>
    /// Runs <paramref name="task"/> on the calling thread when the scheduler is idle (nothing queued,
    /// nothing running), otherwise queues it. Either way the scheduler's one-at-a-time guarantee
    /// holds; inlining saves a thread-pool hop for calls to idle activations.
    /// </summary>
    public void RunInlineOrQueue(Task task)
    {
        lock (_lock)
        {
            if (_scheduled || s_inlineDepth >= MaxInlineDepth)
            {
                task.Start(this);
                return;
            }

            _scheduled = true;
        }

        // The caller's synchronization context must not capture the grain's awaits.
        var callerContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        var previous = s_running;
        s_running = this;
        s_inlineDepth++;
        try
        {
            task.RunSynchronously(this);
        }
        finally
        {
            s_inlineDepth--;
            s_running = previous;
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }

        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                _scheduled = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = s_running;
        s_running = this;
        try
        {
            for (var i = 0; i < MaxItemsPerVisit; i++)
            {
                Task? next;
                lock (_lock)
                {
                    if (!_queue.TryDequeue(out next))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                TryExecuteTask(next);
            }
        }
        finally
        {
            s_running = previous;
        }

        // The visit's budget ran out with work left: come back later, behind other activations.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }
}
