namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// The answer to a call that may be refused: the <see cref="Value"/>; or nothing at all when the integration is not found
/// (for this caller); or <see cref="Errors"/> (field → messages, the front end answers 422) when the request cannot be
/// applied, e.g. a URL whose host resolves to a forbidden address; or <see cref="RetryAfterSeconds"/> when the
/// integration's rate limit refused an outbound call (nothing was sent; the front end answers 429 with <c>Retry-After</c>).
/// </summary>
public sealed record IntegrationReply<T>(T? Value, int? RetryAfterSeconds, IReadOnlyDictionary<string, string[]>? Errors = null)
    where T : class
{
    public bool IsRateLimited => RetryAfterSeconds is not null;

    public static IntegrationReply<T> NotFound() => new(null, null);

    public static IntegrationReply<T> Of(T value) => new(value, null);

    public static IntegrationReply<T> RateLimited(int retryAfterSeconds) => new(null, Math.Max(1, retryAfterSeconds));

    public static IntegrationReply<T> Refused(string field, string message) => new(null, null, new Dictionary<string, string[]> { [field] = [message] });
}
