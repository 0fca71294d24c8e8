using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Realtime;

public static class RealtimeSiloBuilderExtensions
{
    /// <summary>
    /// What <see cref="SessionUpdateNotifierGrain"/> and <see cref="SessionUpdateHubListGrain"/> need: their
    /// options, bound from <c>Realtime:Notifier</c> and validated on start.
    /// </summary>
    public static ISiloBuilder AddSessionUpdateNotifier(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<SessionUpdateNotifierOptions>()
            .BindConfiguration(SessionUpdateNotifierOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return silo;
    }
}
