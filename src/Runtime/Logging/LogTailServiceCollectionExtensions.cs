using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Logging;

public static class LogTailServiceCollectionExtensions
{
    /// <summary>
    /// Adds the live log tail: <see cref="LogTailOptions"/> (section <c>Dashboard:LogTail</c>, validated on start), the
    /// process's <see cref="LogRingBuffer"/>, the logger provider that fills it, and the silo control handler
    /// <c>dashboard.logs</c> that serves it (used when the process is a silo). Idempotent, so a co-hosted silo and front
    /// end share one buffer.
    /// </summary>
    public static IServiceCollection AddLogTail(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(LogRingBuffer)))
        {
            return services;
        }

        services.AddOptions<LogTailOptions>().BindConfiguration(LogTailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new LogRingBuffer(sp.GetRequiredService<IOptions<LogTailOptions>>().Value.Capacity));
        services.AddSingleton<ILoggerProvider, LogTailLoggerProvider>();
        services.AddSiloControlHandler<LogTailHandler>();
        return services;
    }
}
