using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>The RS256 key ring: pinned, stored, or generated on first run; rotated on request.</summary>
[CollectionAgeLimit(AlwaysActive = true)]
internal sealed class SigningKeyRingGrain(
    NpgsqlDataSource db,
    TimeProvider time,
    IOptions<SigningKeyOptions> options,
    ILogger<SigningKeyRingGrain> logger) : Grain, ISigningKeyRingGrain
{
    private SigningKeySet? _keys;

    private SigningKeyOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Options.PrivateKeyPem))
        {
            using var pinned = RSA.Create();
            pinned.ImportFromPem(Options.PrivateKeyPem);
            await ActivateAsync(connection, pinned);
        }
        else if (!(await SigningKeyTable.LoadLiveAsync(connection)).Any(k => k.Status == "active"))
        {
            using var generated = RSA.Create(Options.KeySizeBits);
            await ActivateAsync(connection, generated);
        }

        _keys = await LoadAsync(connection);
    }

    public Task<SigningKeySet> GetKeys() => Task.FromResult(_keys ?? throw new InvalidOperationException("The key ring is not loaded."));

    public async Task<SigningKeySet> Rotate()
    {
        if (!string.IsNullOrWhiteSpace(Options.PrivateKeyPem))
        {
            throw new InvalidOperationException($"The signing key is pinned by {SigningKeyOptions.Section}:PrivateKeyPem; change it there to rotate.");
        }

        await using var connection = await db.OpenConnectionAsync();
        using var generated = RSA.Create(Options.KeySizeBits);
        await ActivateAsync(connection, generated);
        _keys = await LoadAsync(connection);
        return _keys;
    }

    private async Task ActivateAsync(NpgsqlConnection connection, RSA rsa)
    {
        var kid = RsaSigningKey.KeyId(rsa.ExportParameters(includePrivateParameters: false));
        var encrypted = !string.IsNullOrEmpty(Options.Passphrase);
        await SigningKeyTable.ActivateAsync(connection, kid, RsaSigningKey.Protect(rsa, Options.Passphrase), encrypted, time.GetUtcNow());
        IdentityGrainsLog.SigningKeyActivated(logger, kid, encrypted);
    }

    private async Task<SigningKeySet> LoadAsync(NpgsqlConnection connection)
    {
        var retired = await SigningKeyTable.RetireAsync(connection, time.GetUtcNow() - Options.RetireAfter);
        if (retired > 0)
        {
            IdentityGrainsLog.SigningKeysRetired(logger, retired);
        }

        var rows = await SigningKeyTable.LoadLiveAsync(connection);
        var active = rows.First(r => r.Status == "active");
        var publicKeys = new List<PublicSigningKey>(rows.Count);
        byte[]? activePrivate = null;
        foreach (var row in rows)
        {
            using var rsa = RsaSigningKey.Unprotect(row.PrivateKey, row.Encrypted, Options.Passphrase);
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            publicKeys.Add(new PublicSigningKey(row.Kid, parameters.Modulus!, parameters.Exponent!, row.CreatedAt));
            if (row == active)
            {
                activePrivate = rsa.ExportPkcs8PrivateKey();
            }
        }

        return new SigningKeySet(active.Kid, activePrivate!, publicKeys);
    }
}
