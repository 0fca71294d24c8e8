using System.Security.Cryptography;
using System.Text;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>Rotates one family's refresh tokens; a spent token presented again revokes the family.</summary>
internal sealed class RefreshTokenFamilyGrain(NpgsqlDataSource db, TimeProvider time) : Grain, IRefreshTokenFamilyGrain
{
    private Guid FamilyId => this.GetPrimaryKey();

    public async Task<string> Start(Guid userId, TimeSpan lifetime)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await IssueAsync(connection, userId, lifetime);
    }

    public async Task<RefreshOutcome> Rotate(string token, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync();
        var row = await FindAsync(connection, token);
        if (row is null || row.RevokedAt is not null)
        {
            return new RefreshOutcome(RefreshStatus.Invalid, row?.UserId, null);
        }

        if (row.SpentAt is not null)
        {
            await RefreshTokenTable.RevokeFamilyAsync(connection, FamilyId, now);
            return new RefreshOutcome(RefreshStatus.ReuseDetected, row.UserId, null);
        }

        if (row.ExpiresAt <= now)
        {
            return new RefreshOutcome(RefreshStatus.Invalid, row.UserId, null);
        }

        await using var transaction = await connection.BeginTransactionAsync();
        if (!await RefreshTokenTable.SpendAsync(connection, row.Id, now))
        {
            // Another silo spent it between the read and the update: that is a reuse too.
            await transaction.RollbackAsync();
            await RefreshTokenTable.RevokeFamilyAsync(connection, FamilyId, now);
            return new RefreshOutcome(RefreshStatus.ReuseDetected, row.UserId, null);
        }

        var next = await IssueAsync(connection, row.UserId, lifetime);
        await transaction.CommitAsync();
        return new RefreshOutcome(RefreshStatus.Rotated, row.UserId, next);
    }

    public async Task<bool> Revoke(string token)
    {
        await using var connection = await db.OpenConnectionAsync();
        if (await FindAsync(connection, token) is null)
        {
            return false;
        }

        await RefreshTokenTable.RevokeFamilyAsync(connection, FamilyId, time.GetUtcNow());
        return true;
    }

    private async Task<string> IssueAsync(NpgsqlConnection connection, Guid userId, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var token = RefreshTokenFormat.Create(FamilyId);
        await RefreshTokenTable.InsertAsync(connection, FamilyId, userId, Hash(token), now, now + lifetime);
        return token;
    }

    private Task<RefreshTokenRow?> FindAsync(NpgsqlConnection connection, string token) =>
        RefreshTokenFormat.TryGetFamily(token, out var family) && family == FamilyId
            ? RefreshTokenTable.FindAsync(connection, FamilyId, Hash(token))
            : Task.FromResult<RefreshTokenRow?>(null);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
