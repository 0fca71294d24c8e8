using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Secrets;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Integrations.Credentials;

/// <summary>
/// The start-up rotation of integration credentials: asks every integration whose credentials are under another
/// master-key version than the active one to re-encrypt them (<see cref="IIntegrationGrain.RotateCredentials"/>, so the
/// write goes through the grain's own guarded update and is audited).
/// </summary>
internal sealed class CredentialRotation(
    NpgsqlDataSource dataSource, MasterKeyRing keys, IGrainFactory grainFactory, ILogger<CredentialRotation> logger) : StartupKeyRotation
{
    private const int PageSize = 100;

    /// <inheritdoc />
    public override async Task<int> RotateAsync(CancellationToken cancellationToken)
    {
        var store = new IntegrationStore(dataSource);
        var rotated = 0;
        var after = Guid.Empty;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await store.StaleKeyVersionsAsync(keys.ActiveVersion, after, PageSize, cancellationToken);
            foreach (var id in page)
            {
                try
                {
                    rotated += await grainFactory.GetGrain<IIntegrationGrain>(id).RotateCredentials() ? 1 : 0;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    IntegrationsLog.CredentialRotationFailed(logger, exception, id);
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1];
        }

        IntegrationsLog.CredentialsRotated(logger, rotated, keys.ActiveVersion);
        return rotated;
    }
}
