using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Runtime;

namespace MindPeeker.Grains.Realtime;

/// <summary>
/// Holds the front ends' observers with their last renewal, persisted as grain ids (a reference is its id),
/// and hands out the live ones. Writes only when the set changes, so renewals cost no storage write.
/// </summary>
internal sealed class SessionUpdateHubListGrain(
    [PersistentState("hubList")] IPersistentState<SessionUpdateHubListState> state,
    IOptions<SessionUpdateNotifierOptions> options,
    TimeProvider time) : Grain, ISessionUpdateHubListGrain
{
    private readonly TimeSpan _expiry = options.Value.ObserverExpiry;

    public async Task Register(ISessionUpdateObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var id = observer.GetGrainId().ToString();
        var now = time.GetUtcNow();
        var isNew = !state.State.Observers.ContainsKey(id);
        state.State.Observers[id] = now;
        if (isNew | RemoveExpired(now))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Unregister(ISessionUpdateObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (state.State.Observers.Remove(observer.GetGrainId().ToString()))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<ISessionUpdateObserver>> GetObservers()
    {
        var now = time.GetUtcNow();
        IReadOnlyList<ISessionUpdateObserver> live = [.. state.State.Observers
            .Where(entry => now - entry.Value < _expiry)
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => GrainFactory.GetGrain<ISessionUpdateObserver>(GrainId.Parse(entry.Key)))];
        return Task.FromResult(live);
    }

    private bool RemoveExpired(DateTimeOffset now)
    {
        var expired = state.State.Observers.Where(entry => now - entry.Value >= _expiry).Select(entry => entry.Key).ToList();
        foreach (var id in expired)
        {
            state.State.Observers.Remove(id);
        }

        return expired.Count > 0;
    }
}

/// <summary>Observer grain id → last renewal.</summary>
internal sealed class SessionUpdateHubListState
{
    public Dictionary<string, DateTimeOffset> Observers { get; init; } = new(StringComparer.Ordinal);
}
