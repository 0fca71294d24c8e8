using MindPeeker.Grains.Abstractions.Analysis;

namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// The outcome of one model call: a finding, or why the call failed. <see cref="RetryAfter"/> is set for a 429
/// (the server's <c>Retry-After</c>, or null when it sent none); <see cref="Tokens"/> is the usage the server reported.
/// </summary>
internal sealed record ChatAnswer(AnalysisFinding? Finding, string? Failure, long? Tokens, bool RateLimited = false, TimeSpan? RetryAfter = null)
{
    public static ChatAnswer Succeeded(AnalysisFinding finding, long? tokens) => new(finding, null, tokens);

    public static ChatAnswer Failed(string failure, long? tokens = null) => new(null, failure, tokens);

    public static ChatAnswer Throttled(TimeSpan? retryAfter) =>
        new(null, retryAfter is { } wait ? $"rate limited (429, Retry-After {wait.TotalSeconds:0.#} s)" : "rate limited (429)", null, true, retryAfter);

    /// <summary>Whether this outcome counts against the model's circuit breaker: every failure but a 429, which the rate-limit wait handles.</summary>
    public bool IsBreakerFailure => Finding is null && !RateLimited;
}
