using System.Security.Cryptography;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>
/// One key by prefix. The row is read once per activation; revocation passes through here and
/// clears the cached key before it is answered, so no request after it is accepted.
/// </summary>
internal sealed class ApiKeyGrain(NpgsqlDataSource db, TimeProvider time) : Grain, IApiKeyGrain
{
    private ApiKeyView? _view;
    private byte[]? _secretHash;

    private string Prefix => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await ApiKeyTable.FindByPrefixAsync(db, Prefix) is { } found)
        {
            (_view, _secretHash) = found;
        }
    }

    public Task<ApiKeyView?> Authenticate(byte[] secretHash)
    {
        var matches = _secretHash is not null && CryptographicOperations.FixedTimeEquals(_secretHash, secretHash);
        return Task.FromResult(matches ? _view : null);
    }

    public async Task<bool> Store(StoredApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_view is not null || key.View.Prefix != Prefix || !await ApiKeyTable.InsertAsync(db, key))
        {
            return false;
        }

        (_view, _secretHash) = (key.View, key.SecretHash);
        return true;
    }

    public async Task<bool> Revoke(Guid userId)
    {
        if (_view is null || _view.UserId != userId)
        {
            return false;
        }

        (_view, _secretHash) = (null, null);
        return await ApiKeyTable.RevokeAsync(db, Prefix, userId, time.GetUtcNow());
    }
}
