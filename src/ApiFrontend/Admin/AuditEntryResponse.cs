using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Admin;

/// <summary>One audit entry as <c>GET /v1/admin/audit</c> returns it (snake_case on the wire); details hold no secrets.</summary>
internal sealed record AuditEntryResponse(
    string Id,
    DateTimeOffset OccurredAt,
    Guid? ActorUserId,
    Guid? ActorApiKeyId,
    string Action,
    string? ResourceType,
    string? ResourceId,
    string? Ip,
    IReadOnlyDictionary<string, string> Details)
{
    public static AuditEntryResponse From(AuditRecord record) => new(
        record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        record.OccurredAt,
        record.ActorUserId,
        record.ActorApiKeyId,
        record.Action,
        record.ResourceType,
        record.ResourceId,
        record.Ip,
        record.Details);
}
