namespace MindPeeker.Grains.Abstractions.DataLifecycle;

/// <summary>Who asked for an export or erasure, for the audit log: the acting user (the subject or an admin), the API key used, the client address.</summary>
public sealed record DataRequester(Guid ActorUserId, Guid? ActorApiKeyId, string? Ip);
