using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Grains.Abstractions.Realtime;

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
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["RateLimiting:Enabled"] = "false" };
        var observers = new SessionUpdateObservers();
        observers.Register(Updates);
        _root = new ApiFactory(connectionString, all);
        Factory = _root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(observers);
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        }));
    }

    public WebApplicationFactory<Silo.Program> Factory { get; }

    public SessionUpdateSignals Updates { get; } = new();

    public IServiceProvider Services => Factory.Services;

    public HttpClient CreateClient() => Factory.CreateClient();

    public ValueTask DisposeAsync() => _root.DisposeAsync();
}
