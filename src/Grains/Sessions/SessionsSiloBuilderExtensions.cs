using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Sessions;

public static class SessionsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the start-up recovery that resumes unfinished sessions after a restart. Session grains
    /// also need the host's <c>NpgsqlDataSource</c> (MindPeeker's database, migrated by
    /// <c>MindPeekerSchema</c>), where their <c>sessions</c> rows are their state. Idempotent.
    /// </summary>
    public static ISiloBuilder AddSessions(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(SessionRecovery)))
        {
            return builder;
        }

        builder.Services.AddSingleton<SessionRecovery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SessionRecovery>());
        return builder;
    }
}
