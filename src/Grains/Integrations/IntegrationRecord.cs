using System.Text.Json;
using MindPeeker.Grains.Abstractions.Integrations;

namespace MindPeeker.Grains.Integrations;

/// <summary>
/// An integration's state as its <c>integrations</c> row holds it. <see cref="Credentials"/> is the encrypted envelope
/// (never plaintext); <see cref="Version"/> is the row version every write compares and advances. Immutable.
/// </summary>
internal sealed record IntegrationRecord(
    Guid Id,
    Guid OwnerId,
    string Name,
    string Type,
    string Platform,
    string Status,
    JsonElement Configuration,
    IReadOnlyList<string> CredentialFields,
    byte[]? Credentials,
    int? CredentialsKeyVersion,
    IntegrationHealth Health,
    IntegrationSyncStatus Sync,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public IntegrationView ToView() =>
        new(Id, OwnerId, Name, Type, Platform, Status, Configuration, CredentialFields, Health, Sync, CreatedAt, UpdatedAt);
}
