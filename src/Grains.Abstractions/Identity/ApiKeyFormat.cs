using System.Buffers.Text;
using System.Security.Cryptography;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// API keys read <c>mpk_{prefix}_{secret}</c>: the prefix is 12 lower-case hex digits (shown in lists,
/// finds the key), the secret 32 random bytes (256 bits) in base64url, stored only as its SHA-256.
/// </summary>
public static class ApiKeyFormat
{
    public const string Scheme = "mpk_";

    public const int PrefixLength = 12;

    private const int SecretLength = 43;

    public static (string Prefix, string Key) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        return (prefix, $"{Scheme}{prefix}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}");
    }

    /// <summary>Splits a presented key; <see langword="false"/> for anything not shaped like one.</summary>
    public static bool TryParse(string? key, out string prefix, out string secret)
    {
        prefix = secret = string.Empty;
        if (key is not { Length: 4 + PrefixLength + 1 + SecretLength }
            || !key.StartsWith(Scheme, StringComparison.Ordinal)
            || key[4 + PrefixLength] != '_')
        {
            return false;
        }

        var candidatePrefix = key.AsSpan(4, PrefixLength);
        if (candidatePrefix.ContainsAnyExcept("0123456789abcdef") || !Base64Url.IsValid(key.AsSpan(5 + PrefixLength)))
        {
            return false;
        }

        prefix = candidatePrefix.ToString();
        secret = key[(5 + PrefixLength)..];
        return true;
    }

    public static byte[] HashSecret(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
}
