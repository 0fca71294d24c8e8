namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>One page of a user's endpoints, newest first; <see cref="HasMore"/> says whether a next page exists.</summary>
public sealed record WebhookEndpointPage(IReadOnlyList<WebhookEndpointView> Items, bool HasMore);
