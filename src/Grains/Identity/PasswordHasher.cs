using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MindPeeker.Grains.Identity;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes encoded as <c>pbkdf2-sha256${iterations}${salt}${hash}</c>
/// (base64), so the iteration count can rise later without breaking stored hashes. Thread-safe.
/// </summary>
internal static class PasswordHasher
{
    public const string Algorithm = "pbkdf2-sha256";

    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256.</summary>
    public const int Iterations = 600_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // Refuses stored hashes that would make one check take minutes.
    private const int MaxIterations = 10_000_000;

    /// <summary>Checked when the login is unknown, so that case costs the same as a wrong password.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public static string Hash(string password) => Hash(password, RandomNumberGenerator.GetBytes(SaltBytes), Iterations);

    public static string Hash(string password, byte[] salt, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Algorithm, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Compares in constant time; a malformed <paramref name="encoded"/> hash never matches.</summary>
    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = encoded.Split('$');
        if (parts.Length != 4
            || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > MaxIterations)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Does the same work as a real check and always fails.</summary>
    public static bool VerifyDecoy(string password)
    {
        Verify(password, DecoyHash.Value);
        return false;
    }

    /// <summary>Whether <paramref name="encoded"/> was made with fewer iterations than today's count.</summary>
    public static bool NeedsRehash(string encoded)
    {
        var parts = encoded.Split('$');
        return parts.Length != 4 || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < Iterations;
    }
}
