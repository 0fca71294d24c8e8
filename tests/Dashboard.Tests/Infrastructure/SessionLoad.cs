using System.Net;
using System.Net.Http.Json;

namespace MindPeeker.Dashboard.Tests.Infrastructure;

/// <summary>
/// A real load: a few loops creating sessions through <c>POST /v1/sessions</c> over loopback
/// HTTP until disposed. <see cref="Created"/> counts the 201s; any other answer stops the load and is rethrown by
/// <see cref="DisposeAsync"/>, so a broken API cannot pass for a quiet dashboard.
/// </summary>
internal sealed class SessionLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private long _created;

    private SessionLoad(Func<HttpClient> clients, int workers) =>
        _workers = Enumerable.Range(0, workers).Select(_ => Task.Run(() => RunAsync(clients()))).ToArray();

    public long Created => Interlocked.Read(ref _created);

    public static SessionLoad Start(DashboardFixture fixture, int workers = 2)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return new SessionLoad(() => fixture.CreateHttpClient(fixture.AdminToken), workers);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_workers);
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private async Task RunAsync(HttpClient client)
    {
        using (client)
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync(
                        "/v1/sessions", new { cue = "A lighthouse on a rocky coast at dusk", session_type = "remote_viewing" }, _stop.Token);
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        throw new InvalidOperationException(
                            $"Creating a session answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    }
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref _created);
            }
        }
    }
}
