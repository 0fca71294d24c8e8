using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Identity;

/// <summary>Refuses start-up with an unreadable pinned key, a short retirement or a weak key size.</summary>
internal sealed class SigningKeyOptionsValidator : IValidateOptions<SigningKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningKeyOptions options)
    {
        var failures = new List<string>();
        if (options.RetireAfter < TimeSpan.FromMinutes(30))
        {
            failures.Add($"{SigningKeyOptions.Section}:RetireAfter must be at least 30 minutes (twice the access-token lifetime).");
        }

        if (options.KeySizeBits is < 2048 or > 8192)
        {
            failures.Add($"{SigningKeyOptions.Section}:KeySizeBits must be between 2048 and 8192.");
        }

        if (!string.IsNullOrWhiteSpace(options.PrivateKeyPem))
        {
            try
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(options.PrivateKeyPem);
                _ = rsa.ExportParameters(includePrivateParameters: true);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                failures.Add($"{SigningKeyOptions.Section}:PrivateKeyPem is not a readable RSA private key in PEM.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
