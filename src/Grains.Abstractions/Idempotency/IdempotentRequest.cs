namespace MindPeeker.Grains.Abstractions.Idempotency;

/// <summary>
/// A request carrying an <c>Idempotency-Key</c>: whose key it is (<paramref name="Owner"/>, e.g. the
/// user id), the key, what was asked (<paramref name="Method"/>, <paramref name="Path"/>, the SHA-256
/// of the raw body), how long a completed answer is replayed and how long a running one holds the key.
/// </summary>
public sealed record IdempotentRequest(
    string Owner,
    string Key,
    string Method,
    string Path,
    byte[] BodyHash,
    TimeSpan Retention,
    TimeSpan Lease);
