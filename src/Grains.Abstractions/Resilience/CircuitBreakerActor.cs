namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>Who asked for a manual reset or isolation, for the audit row. <see cref="Ip"/> is the client's address.</summary>
public sealed record CircuitBreakerActor(Guid? UserId, Guid? ApiKeyId, string? Ip);
