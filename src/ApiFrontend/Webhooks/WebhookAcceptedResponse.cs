using System.Text.Json.Serialization;

namespace MindPeeker.ApiFrontend.Webhooks;

/// <summary>The 202 answers: the queued test event's id, or how many deliveries a recover re-sends.</summary>
internal sealed record WebhookAcceptedResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EventId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? DeliveryId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Recovered = null);
