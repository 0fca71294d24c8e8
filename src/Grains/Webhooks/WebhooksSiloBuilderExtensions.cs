using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Outbound;
using MindPeeker.Grains.Resilience;
using MindPeeker.Grains.Secrets;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Webhooks;

public static class WebhooksSiloBuilderExtensions
{
    /// <summary>
    /// Adds webhook delivery: <see cref="WebhookOptions"/> (section <c>Webhooks</c>, validated on start), the signer, the
    /// sender over the SSRF-guarded outbound client (<c>Outbound</c> settings), the circuit breakers every delivery goes
    /// through, the reminder service the endpoints' outbox reminders need, the outbox sweep, and the sealing of signing
    /// secrets at rest (master keys of <c>Integrations:Credentials</c>, re-encrypted at start). The grains also need the
    /// host's <c>NpgsqlDataSource</c> (MindPeeker's database, migrated by <c>MindPeekerSchema</c>). Idempotent.
    /// </summary>
    public static ISiloBuilder AddWebhooks(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(WebhookSender)))
        {
            return builder;
        }

        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookRequestTimeoutValidator>());
        builder.Services.AddOutboundHttp();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<StandardWebhookSigner>();
        builder.Services.AddSingleton(sp => new WebhookSender(
            sp.GetRequiredService<OutboundHttpClientFactory>().CreateClient(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.RequestTimeout),
            sp.GetRequiredService<StandardWebhookSigner>(),
            sp.GetRequiredService<TimeProvider>()));
        builder.AddCircuitBreakers();
        builder.UsePostgreSqlReminderService();
        builder.Services.AddSingleton<WebhookOutboxSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookOutboxSweep>());
        builder.Services.AddSecretsAtRest();
        builder.Services.AddSingleton<SealedWebhookSecrets>();
        builder.Services.AddSingleton<WebhookSecretRotation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookSecretRotation>());
        return builder;
    }
}
