namespace MindPeeker.Grains.Caching;

/// <summary>The argument of the <c>cache.remove</c> silo control handler: storage keys (<see cref="CacheKey.ToString"/>, without the Redis prefix).</summary>
internal sealed record CacheRemovalRequest(IReadOnlyList<string> Keys);
