using System.Text.Json;

namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// An integration as its owner sees it (API.md, "Integrations"). <see cref="CredentialFields"/> names the credentials that
/// are set; their values are never part of a view. <see cref="Status"/> is one of <see cref="IntegrationStatus"/>.
/// </summary>
public sealed record IntegrationView(
    Guid Id,
    Guid UserId,
    string Name,
    string Type,
    string Platform,
    string Status,
    JsonElement Configuration,
    IReadOnlyList<string> CredentialFields,
    IntegrationHealth Health,
    IntegrationSyncStatus Sync,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
