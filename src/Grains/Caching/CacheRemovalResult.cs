namespace MindPeeker.Grains.Caching;

/// <summary>One silo's answer to <c>cache.remove</c>: how many of the keys its memory level held and dropped.</summary>
internal sealed record CacheRemovalResult(long Removed);
