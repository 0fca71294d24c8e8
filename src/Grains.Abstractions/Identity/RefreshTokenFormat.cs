using System.Buffers.Text;
using System.Security.Cryptography;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// Refresh tokens read <c>mprt_{family id, 32 hex}_{secret}</c>, the secret being 32 random bytes
/// in base64url. The family id routes the token to its <see cref="IRefreshTokenFamilyGrain"/>.
/// </summary>
public static class RefreshTokenFormat
{
    public const string Prefix = "mprt_";

    public static string Create(Guid familyId) =>
        $"{Prefix}{familyId:N}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

    public static bool TryGetFamily(string? token, out Guid familyId)
    {
        familyId = Guid.Empty;
        return token is { Length: > 38 }
            && token.StartsWith(Prefix, StringComparison.Ordinal)
            && token[37] == '_'
            && Guid.TryParseExact(token.AsSpan(Prefix.Length, 32), "N", out familyId);
    }
}
