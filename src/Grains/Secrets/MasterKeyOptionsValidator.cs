using System.Globalization;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Secrets;

/// <summary>
/// Refuses to start without a master key, with a key that is not 32 bytes of base64, with a version that is not a
/// positive whole number, or with an active version that has no key. Messages name settings, never key material.
/// </summary>
internal sealed class MasterKeyOptionsValidator : IValidateOptions<MasterKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, MasterKeyOptions options)
    {
        if (options.MasterKeys.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                $"{MasterKeyOptions.Section}:MasterKeys is empty: integration credentials and webhook secrets cannot be encrypted. Configure at least one "
                + "master key (version → base64 of 32 random bytes), e.g. Integrations__Credentials__MasterKeys__1=$(openssl rand -base64 32). "
                + "Only the Development environment generates one by itself.");
        }

        var failures = new List<string>();
        foreach (var (version, key) in options.MasterKeys)
        {
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                failures.Add($"{MasterKeyOptions.Section}:MasterKeys: the version '{version}' is not a positive whole number.");
            }

            if (!IsKey(key))
            {
                failures.Add($"{MasterKeyOptions.Section}:MasterKeys:{version} is not the base64 of exactly {SecretCipher.KeySize} bytes.");
            }
        }

        if (options.ActiveVersion is { } active && !options.MasterKeys.ContainsKey(active.ToString(CultureInfo.InvariantCulture)))
        {
            failures.Add($"{MasterKeyOptions.Section}:ActiveVersion {active} has no key in {MasterKeyOptions.Section}:MasterKeys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string? base64)
    {
        Span<byte> buffer = stackalloc byte[SecretCipher.KeySize + 3];
        return base64 is not null && Convert.TryFromBase64String(base64.Trim(), buffer, out var length) && length == SecretCipher.KeySize;
    }
}
