namespace MindPeeker.Grains.Webhooks.Signing;

/// <summary>The outcome of <see cref="StandardWebhookSigner.Verify"/>.</summary>
public enum WebhookVerificationResult
{
    /// <summary>One of the <c>v1</c> signatures matches and the timestamp is within tolerance.</summary>
    Valid,

    /// <summary>A required header is missing or empty.</summary>
    MissingHeader,

    /// <summary>The timestamp is not a whole number of Unix seconds.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is more than the tolerance in the past (a replay or a stale retry).</summary>
    TimestampTooOld,

    /// <summary>The timestamp is more than the tolerance in the future.</summary>
    TimestampTooNew,

    /// <summary>No <c>v1</c> signature matches the message.</summary>
    NoMatchingSignature,
}
