namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>One page of an endpoint's deliveries, newest first; <see cref="HasMore"/> says whether a next page exists.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryView> Items, bool HasMore);
