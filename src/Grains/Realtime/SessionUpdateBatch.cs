using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.Grains.Realtime;

/// <summary>
/// Updates that leave a notifier together, in arrival order, and the signal their publishers await.
/// Touched only from the owning notifier activation's turns.
/// </summary>
internal sealed class SessionUpdateBatch(int capacity)
{
    private readonly List<SessionUpdate> _updates = new(capacity);
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<SessionUpdate> Updates => _updates;

    public bool IsFull => _updates.Count >= capacity;

    /// <summary>Completes once every observer has had the batch (successfully or not).</summary>
    public Task Delivered => _delivered.Task;

    public void Add(SessionUpdate update) => _updates.Add(update);

    public void MarkDelivered() => _delivered.TrySetResult();
}
