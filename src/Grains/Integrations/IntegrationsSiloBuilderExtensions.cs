using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MindPeeker.Grains.Integrations.Credentials;
using MindPeeker.Grains.Integrations.Platforms;
using MindPeeker.Grains.Outbound;
using MindPeeker.Grains.Resilience;
using MindPeeker.Grains.Secrets;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Integrations;

public static class IntegrationsSiloBuilderExtensions
{
    /// <summary>
    /// Adds integrations: the credential master keys (<c>Integrations:Credentials</c>, validated on start; generated into
    /// <c>.data/</c> in Development when none is configured), the credential cipher, the start-up key rotation, the platform
    /// clients over the SSRF-guarded outbound client (<c>Outbound</c> settings), the circuit breakers and the reminder
    /// service the sync schedules need. The grains also need the host's <c>NpgsqlDataSource</c> (MindPeeker's database,
    /// migrated by <c>MindPeekerSchema</c>). Idempotent.
    /// </summary>
    public static ISiloBuilder AddIntegrations(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(CredentialRotation)))
        {
            return builder;
        }

        services.AddSecretsAtRest();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SealedCredentials>();
        services.AddOutboundHttp();
        services.AddSingleton<IntegrationPlatformClient>(sp => new OpenAiCompatibleClient(
            sp.GetRequiredService<OutboundHttpClientFactory>().CreateClient(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IntegrationPlatformClient>(sp => new WebhookClient(
            sp.GetRequiredService<OutboundHttpClientFactory>().CreateClient(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IntegrationPlatformClients>();
        builder.AddCircuitBreakers();
        builder.UsePostgreSqlReminderService();
        services.AddSingleton<CredentialRotation>();
        services.AddHostedService(sp => sp.GetRequiredService<CredentialRotation>());
        return builder;
    }
}
