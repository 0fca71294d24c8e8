using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Secrets;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// The start-up rotation of webhook signing secrets: re-encrypts every endpoint's sealed secret that is under another
/// master-key version than the active one, and seals the plaintext secrets of rows written before migration 0009
/// (clearing the plaintext in the same statement). Each re-encryption is audited (<c>webhook.secret_reencrypted</c>).
/// The secret itself never changes, so receivers notice nothing. A row that cannot be opened (altered, or under a key
/// that is no longer configured) is logged and left as it is.
/// </summary>
internal sealed class WebhookSecretRotation(
    NpgsqlDataSource db, SealedWebhookSecrets secrets, IGrainFactory grainFactory, ILogger<WebhookSecretRotation> logger) : StartupKeyRotation
{
    private const int PageSize = 100;

    /// <inheritdoc />
    public override async Task<int> RotateAsync(CancellationToken cancellationToken)
    {
        var rotated = 0;
        var after = Guid.Empty;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await WebhookSecretTable.StaleAsync(db, secrets.ActiveVersion, after, PageSize, cancellationToken);
            foreach (var stored in page)
            {
                try
                {
                    rotated += await RotateAsync(stored, cancellationToken) ? 1 : 0;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    SecretsLog.WebhookSecretRotationFailed(logger, exception.Message, stored.EndpointId);
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].EndpointId;
        }

        SecretsLog.WebhookSecretsRotated(logger, rotated, secrets.ActiveVersion);
        return rotated;
    }

    private async Task<bool> RotateAsync(StoredWebhookSecret stored, CancellationToken cancellationToken)
    {
        string from;
        byte[] resealed;
        if (stored.Sealed is { } envelope)
        {
            from = SecretCipher.KeyVersionOf(envelope, SecretPurpose.WebhookSigningSecret).ToString(CultureInfo.InvariantCulture);
            resealed = secrets.Reseal(stored.EndpointId, envelope);
        }
        else
        {
            from = "plaintext";
            resealed = WebhookSecret.TryParse(stored.Plaintext, out var secret, out var reason)
                ? secrets.Seal(stored.EndpointId, secret)
                : throw new CryptographicException(reason);
        }

        if (!await WebhookSecretTable.ReplaceAsync(db, stored, resealed, secrets.ActiveVersion, cancellationToken))
        {
            return false;
        }

        var versions = new Dictionary<string, string> { ["from_key_version"] = from, ["to_key_version"] = $"{secrets.ActiveVersion}" };
        await grainFactory.GetGrain<IAuditLogGrain>(0).Append(
            new AuditEntry(AuditActions.WebhookSecretReencrypted, null, null, "webhook", stored.EndpointId.ToString(), null, versions));
        return true;
    }
}
