namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// What one delivery attempt got: the receiver's status code, or the error when there was no answer (timeout,
/// refused connection, blocked destination), and any <c>Retry-After</c> the receiver asked for.
/// </summary>
internal sealed record WebhookAttemptOutcome(int? StatusCode, string? Error, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver asks never to be called again; the endpoint is disabled.</summary>
    public bool Gone => StatusCode == 410;

    /// <summary>429 and 503 may say when to come back; other statuses' <c>Retry-After</c> is ignored.</summary>
    public bool HonoursRetryAfter => StatusCode is 429 or 503;
}
