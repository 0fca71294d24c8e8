namespace MindPeeker.Grains.Abstractions.RateLimiting;

/// <summary>
/// The key of an <see cref="IRateLimitBucketGrain"/>: <c>{policy}/{principalKind}:{id}</c>, for example
/// <c>default/key:3f2a…</c>, <c>default/user:9b1c…</c> or <c>auth/ip:203.0.113.7</c>.
/// </summary>
public static class RateLimitBucketKey
{
    /// <summary>An API key, by its id.</summary>
    public const string ApiKey = "key";

    /// <summary>A user, by its id.</summary>
    public const string User = "user";

    /// <summary>An anonymous client, by its IP address.</summary>
    public const string ClientIp = "ip";

    public static string Format(string policy, string principalKind, string id) => string.Concat(policy, "/", principalKind, ":", id);
}
