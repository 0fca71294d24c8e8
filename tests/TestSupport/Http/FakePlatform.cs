using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MindPeeker.TestSupport.Http;

/// <summary>
/// A real Kestrel server on loopback playing the platforms integrations talk to: an OpenAI-style
/// <c>GET /v1/models</c> that demands <see cref="ApiKey"/> as bearer token (401 otherwise) and lists <see cref="Models"/>,
/// and a webhook receiver <c>POST /hooks/{name}</c> answering <see cref="HookStatus"/>. Records every request.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(string Path, int Count, TaskCompletionSource Signal)> _waiters = [];

    private FakePlatform(WebApplication app) => _app = app;

    public string ApiKey { get; set; } = "sk-fake-provider-key-0123456789";

    public IReadOnlyList<string> Models { get; set; } = ["qwen/qwen3.5-397b-a17b", "moonshotai/kimi-k2.5"];

    public int HookStatus { get; set; } = StatusCodes.Status200OK;

    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new FakePlatform(app);
        app.MapGet("/v1/models", platform.ModelsAsync);
        app.MapPost("/hooks/{name}", platform.HookAsync);
        await app.StartAsync();
        platform.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return platform;
    }

    /// <summary>Completes (within a generous real-time timeout) once <paramref name="count"/> requests to <paramref name="path"/> arrived.</summary>
    public async Task<List<RecordedRequest>> WaitForAsync(string path, int count)
    {
        Task arrived;
        lock (_lock)
        {
            if (_requests.Count(r => r.Path == path) >= count)
            {
                return [.. _requests.Where(r => r.Path == path)];
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((path, count, signal));
            arrived = signal.Task;
        }

        await arrived.WaitAsync(Patience);
        return [.. Requests.Where(r => r.Path == path)];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ModelsAsync(HttpContext context)
    {
        Record(context, string.Empty);
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Invalid API key", type = "invalid_request_error" } });
            return;
        }

        await context.Response.WriteAsJsonAsync(new { @object = "list", data = Models.Select(id => new { id, @object = "model", owned_by = "fake" }) });
    }

    private async Task HookAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        Record(context, await reader.ReadToEndAsync());
        context.Response.StatusCode = HookStatus;
    }

    private void Record(HttpContext context, string body)
    {
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        lock (_lock)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => _requests.Count(r => r.Path == w.Path) >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }
}
