using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// GDPR export and erasure of one user (keyed by the user's id). Erasure first stops what runs in grains — revokes
/// each live API key through its <see cref="IApiKeyGrain"/> (its activation stops accepting the key at once), deletes
/// the sessions through their <see cref="ISessionGrain"/> (cancelling running ones), the webhooks and integrations
/// through theirs (which deactivate) — then deletes every row and pseudonymises the audit log in one transaction,
/// removes the user's cached analysis results from Redis and every silo's memory level (<see cref="CachedResultEraser"/>,
/// keys derived from the session rows read before they go), makes the <see cref="IUserGrain"/> forget the profile
/// (refresh tokens and API keys are refused from then on), and appends the <c>user.erased</c> tombstone.
/// </summary>
internal sealed class UserDataGrain(NpgsqlDataSource db, TimeProvider time, IServiceProvider services, ILogger<UserDataGrain> logger)
    : Grain, IUserDataGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public async Task<string?> Export(DataRequester requester)
    {
        ArgumentNullException.ThrowIfNull(requester);
        await using var command = db.CreateCommand(UserDataQueries.Export);
        command.Parameters.AddWithValue("user", UserId);
        command.Parameters.AddWithValue("user_text", UserId.ToString());
        if (await command.ExecuteScalarAsync() is not string document)
        {
            return null;
        }

        await GrainFactory.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            AuditActions.UserExported, requester.ActorUserId, requester.ActorApiKeyId, "user", UserId.ToString(), requester.Ip));
        DataLifecycleLog.UserExported(logger, UserId, requester.ActorUserId);
        return "{\"exported_at\":\"" + time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "\"," + document[1..];
    }

    public async Task<ErasureReport?> Erase(DataRequester requester)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (await GrainFactory.GetGrain<IUserGrain>(UserId).GetProfile() is null)
        {
            return null;
        }

        var owned = await OwnedAsync();
        var cachedResults = CachedResultEraser.Create(services, db, logger);
        IReadOnlyList<string> cacheKeys = cachedResults is null ? [] : await cachedResults.KeysOfAsync(UserId);
        await StopAsync(owned);
        await using (var connection = await db.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = new NpgsqlCommand(UserDataQueries.Erase, connection, transaction);
            command.Parameters.AddWithValue("user", UserId);
            command.Parameters.AddWithValue("user_text", UserId.ToString());
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        IReadOnlyList<string> cacheNotReached = cachedResults is null ? [] : await cachedResults.RemoveAsync(UserId, cacheKeys);
        await GrainFactory.GetGrain<IUserGrain>(UserId).Forget();
        await GrainFactory.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            AuditActions.UserErased,
            requester.ActorUserId == UserId ? null : requester.ActorUserId,
            null,
            "user",
            UserId.ToString(),
            requester.ActorUserId == UserId ? null : requester.Ip));
        var report = new ErasureReport(
            UserId,
            owned.Count(o => o.Kind == "session"),
            owned.Count(o => o.Kind == "webhook"),
            owned.Count(o => o.Kind == "integration"),
            owned.Where(o => o.Kind == "api_key").Select(o => o.Id).ToList(),
            cacheKeys.Count,
            cacheNotReached);
        DataLifecycleLog.UserErased(logger, UserId, requester.ActorUserId, report.Sessions, report.ApiKeyIds.Count, report.Webhooks, report.Integrations);
        DeactivateOnIdle();
        return report;
    }

    private async Task<List<(string Kind, string Key, Guid Id)>> OwnedAsync()
    {
        await using var command = db.CreateCommand(UserDataQueries.Owned);
        command.Parameters.AddWithValue("user", UserId);
        var owned = new List<(string, string, Guid)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            owned.Add((reader.GetString(0), reader.GetString(1), reader.GetGuid(2)));
        }

        return owned;
    }

    private async Task StopAsync(List<(string Kind, string Key, Guid Id)> owned)
    {
        var access = new SessionAccess(UserId, IsAdmin: false);
        foreach (var (kind, key, id) in owned)
        {
            try
            {
                await (kind switch
                {
                    "api_key" => GrainFactory.GetGrain<IApiKeyGrain>(key).Revoke(UserId),
                    "session" => GrainFactory.GetGrain<ISessionGrain>(id).Delete(access),
                    "webhook" => GrainFactory.GetGrain<IWebhookEndpointGrain>(id).Delete(UserId),
                    _ => GrainFactory.GetGrain<IIntegrationGrain>(id).Delete(new IntegrationCaller(UserId)),
                });
            }
            catch (Exception exception) when (kind != "api_key")
            {
                // The rows go regardless; an API key must be revoked in its grain, so that failure aborts the erasure.
                DataLifecycleLog.ErasureStopFailed(logger, exception, kind, key, UserId);
            }
        }
    }
}
