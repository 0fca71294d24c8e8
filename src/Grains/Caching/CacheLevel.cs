namespace MindPeeker.Grains.Caching;

/// <summary>
/// One level of the analysis cache: serialized values under string keys, each with its own time to live.
/// Implementations are thread-safe and never throw for an unavailable backing store: a level that cannot answer
/// reports a miss and drops writes, so a request is served from another level or computed.
/// </summary>
public abstract class CacheLevel
{
    /// <summary>The level's name in metrics and logs (<c>memory</c>, <c>redis</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The value stored under <paramref name="key"/>, or null when there is none, it expired or the level cannot answer.</summary>
    public abstract ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> for <paramref name="timeToLive"/>; best effort.</summary>
    public abstract ValueTask SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the entries of <paramref name="keys"/> (keys without an entry are ignored) in one operation: how many
    /// entries were removed, or null when the level cannot answer (nothing is known to be removed then).
    /// </summary>
    public abstract ValueTask<long?> RemoveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
