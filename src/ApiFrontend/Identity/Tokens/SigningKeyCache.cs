using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Identity.Tokens;

/// <summary>
/// The front end's copy of the key ring (<see cref="ISigningKeyRingGrain"/>): refreshed every minute,
/// at once after a local rotation, and when a token names an unknown key id (at most every 5 s, so
/// forged key ids cannot hammer the grain). Thread-safe.
/// </summary>
internal sealed class SigningKeyCache(IGrainFactory grains, TimeProvider time)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromSeconds(5);

    private volatile SigningKeySnapshot? _snapshot;

    public async ValueTask<SigningKeySnapshot> GetAsync(string? requiredKeyId = null)
    {
        var snapshot = _snapshot;
        var now = time.GetUtcNow();
        if (snapshot is not null
            && now - snapshot.LoadedAt < Ttl
            && (requiredKeyId is null || snapshot.Contains(requiredKeyId) || now - snapshot.LoadedAt < UnknownKeyRefreshInterval))
        {
            return snapshot;
        }

        return await LoadAsync();
    }

    /// <summary>Rotates the ring and reloads this copy.</summary>
    public async Task<SigningKeySnapshot> RotateAsync()
    {
        await grains.GetGrain<ISigningKeyRingGrain>(0).Rotate();
        return await LoadAsync();
    }

    private async Task<SigningKeySnapshot> LoadAsync()
    {
        var set = await grains.GetGrain<ISigningKeyRingGrain>(0).GetKeys();
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(set.ActivePrivateKey, out _);
        var signing = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = set.ActiveKeyId }, SecurityAlgorithms.RsaSha256);
        var snapshot = new SigningKeySnapshot(signing, set.PublicKeys, time.GetUtcNow());
        _snapshot = snapshot;
        return snapshot;
    }
}
