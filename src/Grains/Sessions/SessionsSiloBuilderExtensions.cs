using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Sessions;

public static class SessionsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the start-up recovery that resumes unfinished sessions after a restart, the session watchdog's
    /// options (<c>Sessions:Watchdog</c>, validated on start) and the reminder service its watchdog reminders need
    /// (on the host's <c>NpgsqlDataSource</c>). Session grains also need that data source (MindPeeker's database,
    /// migrated by <c>MindPeekerSchema</c>), where their <c>sessions</c> rows are their state. Idempotent.
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
        builder.Services.AddSingleton<SessionRecovery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SessionRecovery>());
        return builder;
    }
}
