using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>A user's keys: generates key material, and finds keys only among the user's own.</summary>
internal sealed class UserApiKeysGrain(NpgsqlDataSource db, TimeProvider time, ILogger<UserApiKeysGrain> logger) : Grain, IUserApiKeysGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public async Task<CreatedApiKey> Create(ApiKeyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        while (true)
        {
            var (prefix, key) = ApiKeyFormat.Generate();
            ApiKeyFormat.TryParse(key, out _, out var secret);
            var view = new ApiKeyView(
                Guid.NewGuid(), UserId, request.Name, prefix, request.Permissions, request.RateLimitPerMinute, request.IpWhitelist, time.GetUtcNow(), request.ExpiresAt);
            if (await GrainFactory.GetGrain<IApiKeyGrain>(prefix).Store(new StoredApiKey(view, ApiKeyFormat.HashSecret(secret))))
            {
                return new CreatedApiKey(view, key);
            }

            IdentityGrainsLog.ApiKeyPrefixCollision(logger, prefix);
        }
    }

    public Task<ApiKeyPage> List(int limit, Guid? startingAfter) => ApiKeyTable.ListAsync(db, UserId, limit, startingAfter);

    public Task<ApiKeyView?> Find(Guid keyId) => ApiKeyTable.FindAsync(db, UserId, keyId);

    public async Task<bool> Revoke(Guid keyId) =>
        await ApiKeyTable.FindAsync(db, UserId, keyId) is { } key
        && await GrainFactory.GetGrain<IApiKeyGrain>(key.Prefix).Revoke(UserId);
}
