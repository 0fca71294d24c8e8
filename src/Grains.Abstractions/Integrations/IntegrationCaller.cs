namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>Who asks: the user (only the owner sees an integration), and for the audit log the API key and client address.</summary>
public sealed record IntegrationCaller(Guid UserId, Guid? ApiKeyId = null, string? Ip = null);
