using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace MindPeeker.ApiFrontend.Tests.Security;

/// <summary>Builds the tokens an attacker (or a misconfigured issuer) would send.</summary>
internal static class ForgedTokens
{
    /// <summary>The ring's active key, read from the test database (stored unencrypted without a passphrase).</summary>
    public static async Task<RsaSecurityKey> ActiveSigningKeyAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT kid, private_key FROM signing_keys WHERE status = 'active'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(reader.GetFieldValue<byte[]>(1), out _);
        return new RsaSecurityKey(rsa) { KeyId = reader.GetString(0) };
    }

    public static string Sign(
        SecurityKey key, string algorithm, string subject, DateTimeOffset now, string issuer = "mindpeeker-auth", string audience = "mindpeeker-api") =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.UtcDateTime.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, algorithm),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["tier"] = "enterprise",
                ["role"] = new[] { "user", "admin" },
                ["permissions"] = new[] { "*:*" },
            },
        });

    /// <summary>The same token with <paramref name="claim"/> changed in the payload and the signature kept.</summary>
    public static string Tamper(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        payload[claim] = JsonSerializer.SerializeToElement(value);
        return $"{parts[0]}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given claims.</summary>
    public static string Unsigned(string kid, string subject, DateTimeOffset now)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new { alg = "none", typ = "JWT", kid });
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "mindpeeker-auth",
            ["aud"] = "mindpeeker-api",
            ["sub"] = subject,
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
            ["permissions"] = new[] { "*:*" },
        });
        return $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(payload)}.";
    }

    /// <summary>HS256 "signed" with the public key as the HMAC secret: the classic algorithm-confusion attack.</summary>
    public static string HmacWithPublicKey(RsaSecurityKey key, string subject, DateTimeOffset now)
    {
        var publicPem = key.Rsa.ExportSubjectPublicKeyInfoPem();
        var hmac = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(publicPem)) { KeyId = key.KeyId };
        return Sign(hmac, SecurityAlgorithms.HmacSha256, subject, now);
    }
}
