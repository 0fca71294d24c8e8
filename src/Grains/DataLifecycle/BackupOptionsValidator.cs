using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>Checks <see cref="BackupOptions"/>: a well-formed key when one is given, a directory, non-negative retention, a schedule of at least a minute.</summary>
internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add("Backups:Directory must name a directory.");
        }

        if (options.EncryptionKey is { } key && !IsKey(key))
        {
            failures.Add("Backups:EncryptionKey must be the base64 of exactly 32 bytes (openssl rand -base64 32).");
        }

        if (options.RetentionCount < 0)
        {
            failures.Add("Backups:RetentionCount must be 0 (keep all) or more.");
        }

        if (options.RetentionAge is { } age && age <= TimeSpan.Zero)
        {
            failures.Add("Backups:RetentionAge must be positive.");
        }

        if (options.Schedule is { } schedule && schedule < TimeSpan.FromMinutes(1))
        {
            failures.Add("Backups:Schedule must be at least one minute.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string text)
    {
        var buffer = new byte[48];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written == 32;
    }
}
