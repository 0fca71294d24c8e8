using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.AiProviders;
using MindPeeker.Grains.Resilience;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Sessions;

public static class SessionsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the start-up recovery that resumes unfinished sessions after a restart, the session watchdog's
    /// options (<c>Sessions:Watchdog</c>, validated on start) and the reminder service its watchdog reminders need
    /// (on the host's <c>NpgsqlDataSource</c>), and the analysis router sessions analyse through (local models or AI
    /// providers, with the two-level cache: <c>AddAiProviders</c>) with the circuit breakers its provider calls go
    /// through. Session grains also need that data source (MindPeeker's database, migrated by
    /// <c>MindPeekerSchema</c>), where their <c>sessions</c> rows are their state, and the analysis engine
    /// (<c>AddAnalysis</c>). Idempotent.
    /// </summary>
    public static ISiloBuilder AddSessions(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(SessionRecovery)))
        {
            return builder;
        }

        builder.Services.AddOptions<SessionWatchdogOptions>()
            .BindConfiguration(SessionWatchdogOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.UsePostgreSqlReminderService();
        builder.AddCircuitBreakers();
        builder.Services.AddAiProviders();
        builder.Services.AddSingleton<SessionRecovery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SessionRecovery>());
        return builder;
    }
}
