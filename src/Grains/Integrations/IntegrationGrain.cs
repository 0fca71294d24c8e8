using System.Text.Json;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Integrations.Credentials;
using MindPeeker.Grains.Integrations.Platforms;
using MindPeeker.Grains.Outbound;
using MindPeeker.Grains.Resilience;
using MindPeeker.Grains.Secrets;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Integrations;

/// <summary>
/// One integration (docs/integrations.md). Its state is its <c>integrations</c> row, loaded on activation and replaced
/// (never changed in place) after each successful guarded write. Credentials stay encrypted in memory too; they are
/// decrypted only around an outbound call. Another user's integration answers as missing.
/// </summary>
internal sealed partial class IntegrationGrain(
    NpgsqlDataSource dataSource,
    TimeProvider time,
    SealedCredentials sealedCredentials,
    IntegrationPlatformClients platforms,
    OutboundUrlValidator urlValidator,
    DependencyGuard guard,
    ILogger<IntegrationGrain> logger) : Grain, IIntegrationGrain
{
    private readonly IntegrationStore _store = new(dataSource);
    private IntegrationRecord? _record;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _record = await _store.LoadAsync(Id);

    public async Task<IntegrationReply<IntegrationView>> Create(NewIntegration integration)
    {
        ArgumentNullException.ThrowIfNull(integration);
        if (_record is not null)
        {
            return Existing(integration.Owner);
        }

        if (await UrlProblemAsync(integration.Platform, integration.Configuration) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var credentials = integration.Credentials.Count == 0 ? null : sealedCredentials.Seal(Id, integration.Credentials);
        var record = new IntegrationRecord(
            Id,
            integration.Owner.UserId,
            integration.Name,
            integration.Type,
            integration.Platform,
            IntegrationStatus.Disconnected,
            integration.Configuration.Clone(),
            [.. integration.Credentials.Keys.Order(StringComparer.Ordinal)],
            credentials,
            credentials is null ? null : sealedCredentials.ActiveVersion,
            IntegrationHealth.None,
            StoppedSync(integration.Configuration),
            1,
            now,
            now);
        if (!await _store.InsertAsync(record))
        {
            _record = await _store.LoadAsync(Id);
            return Existing(integration.Owner);
        }

        _record = record;
        await AppendLogAsync("info", "create", $"Integration '{record.Name}' created ({record.Platform}).");
        await AuditAsync(AuditActions.IntegrationCreated, integration.Owner, new Dictionary<string, string> { ["name"] = record.Name, ["platform"] = record.Platform });
        return IntegrationReply<IntegrationView>.Of(record.ToView());
    }

    public Task<IntegrationView?> Get(IntegrationCaller caller) => Task.FromResult(VisibleTo(caller)?.ToView());

    public async Task<IntegrationReply<IntegrationView>> Update(IntegrationCaller caller, IntegrationChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (VisibleTo(caller) is not { } current)
        {
            return IntegrationReply<IntegrationView>.NotFound();
        }

        if (changes.Configuration is { } configuration && await UrlProblemAsync(current.Platform, configuration) is { } refused)
        {
            return refused;
        }

        var changed = new List<string>();
        var next = current;
        if (changes.Name is { } name && name != current.Name)
        {
            next = next with { Name = name };
            changed.Add("name");
        }

        if (changes.Configuration is { } newConfiguration)
        {
            next = next with { Configuration = newConfiguration.Clone() };
            changed.Add("configuration");
        }

        if (changes.Credentials is { } credentials)
        {
            next = next with
            {
                Credentials = credentials.Count == 0 ? null : sealedCredentials.Seal(Id, credentials),
                CredentialsKeyVersion = credentials.Count == 0 ? null : sealedCredentials.ActiveVersion,
                CredentialFields = [.. credentials.Keys.Order(StringComparer.Ordinal)],
            };
            changed.Add("credentials");
        }

        var interval = IntegrationRules.SyncIntervalSeconds(next.Configuration);
        if (interval != next.Sync.IntervalSeconds)
        {
            next = next with { Sync = next.Sync with { IntervalSeconds = interval } };
        }

        await WriteAsync(current, next);
        await RescheduleSyncAsync();
        await AppendLogAsync("info", "update", changed.Count == 0 ? "Nothing changed." : $"Changed: {string.Join(", ", changed)}.");
        await AuditAsync(AuditActions.IntegrationUpdated, caller, new Dictionary<string, string> { ["changed"] = string.Join(",", changed) });
        return IntegrationReply<IntegrationView>.Of(_record!.ToView());
    }

    public async Task<bool> Delete(IntegrationCaller caller)
    {
        if (VisibleTo(caller) is null)
        {
            return false;
        }

        await RemoveSyncReminderAsync();
        await _store.DeleteAsync(Id);
        _record = null;
        _bucket = null;
        await AuditAsync(AuditActions.IntegrationDeleted, caller);
        DeactivateOnIdle();
        return true;
    }

    public async Task<bool> RotateCredentials()
    {
        if (_record is not { Credentials: { } envelope } current || current.CredentialsKeyVersion == sealedCredentials.ActiveVersion)
        {
            return false;
        }

        var from = SecretCipher.KeyVersionOf(envelope, SecretPurpose.IntegrationCredentials);
        await WriteAsync(current, current with
        {
            Credentials = sealedCredentials.Reseal(Id, envelope),
            CredentialsKeyVersion = sealedCredentials.ActiveVersion,
        });
        var versions = new Dictionary<string, string> { ["from_key_version"] = $"{from}", ["to_key_version"] = $"{sealedCredentials.ActiveVersion}" };
        await AppendLogAsync("info", "credentials_rotated", $"Credentials re-encrypted from key version {from} to {sealedCredentials.ActiveVersion}.");
        await AuditAsync(AuditActions.IntegrationCredentialsRotated, null, versions);
        return true;
    }

    private IntegrationReply<IntegrationView> Existing(IntegrationCaller owner) =>
        _record is { } record && record.OwnerId == owner.UserId
            ? IntegrationReply<IntegrationView>.Of(record.ToView())
            : throw new InvalidOperationException($"Integration {Id} already exists for another user.");

    private IntegrationRecord? VisibleTo(IntegrationCaller caller) =>
        _record is { } record && caller is not null && record.OwnerId == caller.UserId ? record : null;

    /// <summary>The configured URL's host must resolve to allowed addresses (SSRF); refused with the field that names it.</summary>
    private async Task<IntegrationReply<IntegrationView>?> UrlProblemAsync(string platform, JsonElement configuration)
    {
        var field = platform == IntegrationPlatforms.OpenAiCompatible ? "base_url" : "url";
        var check = await urlValidator.ValidateAsync(IntegrationRules.Text(configuration, field), CancellationToken.None);
        return check.IsAllowed ? null : IntegrationReply<IntegrationView>.Refused($"configuration.{field}", check.Reason!);
    }

    /// <summary>Writes <paramref name="next"/> over <paramref name="current"/> (version compare and swap) and makes it the state.</summary>
    private async Task WriteAsync(IntegrationRecord current, IntegrationRecord next)
    {
        var written = next with { Version = current.Version + 1, UpdatedAt = time.GetUtcNow() };
        if (!await _store.UpdateAsync(written, current.Version))
        {
            _record = await _store.LoadAsync(Id);
            throw new InvalidOperationException($"Integration {Id} changed concurrently; nothing was written. Retry.");
        }

        _record = written;
    }

    private async Task AppendLogAsync(string level, string operation, string message, ConnectionTestResult? call = null, string? outcome = null)
    {
        try
        {
            await _store.AppendLogAsync(Id, new IntegrationLogEntry(time.GetUtcNow(), level, operation, message, call?.LatencyMs, call?.StatusCode), outcome);
        }
        catch (NpgsqlException exception)
        {
            IntegrationsLog.LogEntryFailed(logger, exception, Id);
        }
    }

    private Task AuditAsync(string action, IntegrationCaller? caller, IReadOnlyDictionary<string, string>? details = null) =>
        GrainFactory.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(action, caller?.UserId, caller?.ApiKeyId, "integration", Id.ToString(), caller?.Ip, details));

    private static IntegrationSyncStatus StoppedSync(JsonElement configuration) =>
        new(IntegrationSyncStatus.Stopped, IntegrationRules.SyncIntervalSeconds(configuration), null, null, null, null, []);
}
