using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Realtime;

public static class RealtimeSiloBuilderExtensions
{
    /// <summary>
    /// What <see cref="SessionUpdateNotifierGrain"/> needs: its options (bound from
    /// <c>Realtime:Notifier</c>, validated on start) and the silo's <see cref="SessionUpdateObservers"/>.
    /// </summary>
    public static ISiloBuilder AddSessionUpdateNotifier(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOptions<SessionUpdateNotifierOptions>()
            .BindConfiguration(SessionUpdateNotifierOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        silo.Services.TryAddSingleton<SessionUpdateObservers>();
        return silo;
    }
}
