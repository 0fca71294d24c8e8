namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>A PATCH: null members stay as they are. Setting <see cref="Status"/> to enabled re-enables a disabled endpoint.</summary>
public sealed record WebhookEndpointChanges(string? Url, IReadOnlyList<string>? Events, string? Description, string? Status);
