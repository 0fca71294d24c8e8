using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

/// <summary>
/// The real silo and front end (<see cref="ApiFactory"/>) with <see cref="Updates"/> listening to
/// the update notifier from before start-up, optionally on a fake clock (<c>FakeTimeProvider</c>)
/// (session pipelines then wait for the test to advance it). Rate limiting is off: it has its own tests.
/// </summary>
internal sealed class SessionHost : IAsyncDisposable
{
    private readonly ApiFactory _root;

    public SessionHost(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["RateLimiting:Enabled"] = "false",

            // The test's observer is registered once and never renewed, while a fake clock may move far.
            ["Realtime:Notifier:ObserverExpiry"] = "01:00:00",
            ["Realtime:Notifier:ObserverListRefresh"] = "00:00:00",
        };
        _root = new ApiFactory(connectionString, all);
        Factory = _root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        }));

        // Starts the host, then listens like a front end does: an object reference registered with the hub list.
        var grains = Factory.Services.GetRequiredService<IGrainFactory>();
        var reference = grains.CreateObjectReference<ISessionUpdateObserver>(Updates);
        grains.GetGrain<ISessionUpdateHubListGrain>(0).Register(reference).GetAwaiter().GetResult();
    }

    public WebApplicationFactory<Silo.Program> Factory { get; }

    public SessionUpdateSignals Updates { get; } = new();

    public IServiceProvider Services => Factory.Services;

    public HttpClient CreateClient() => Factory.CreateClient();

    public ValueTask DisposeAsync() => _root.DisposeAsync();
}
