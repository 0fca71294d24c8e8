namespace MindPeeker.Grains.Abstractions.Idempotency;

/// <summary>The first answer to an idempotent request, replayed byte for byte to its retries.</summary>
public sealed record IdempotentResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);
