namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>An endpoint as its owner sees it; the signing secret is never part of it.</summary>
public sealed record WebhookEndpointView(
    Guid Id,
    Guid OwnerId,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    string Status,
    DateTimeOffset CreatedAt);
