using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MindPeeker.TestSupport.OpenAiFake;

/// <summary>
/// A local stand-in for an OpenAI-compatible provider (NVIDIA NIM, vLLM, OpenAI): a real Kestrel server on a free
/// loopback port speaking the chat completions wire format — <c>POST /v1/chat/completions</c> and <c>GET /v1/models</c>.
/// Replies are scripted per model (<see cref="Enqueue"/>, consumed in order, then <see cref="SetDefault"/>'s reply, else
/// a 500 saying nothing was scripted), and every completion request is recorded. Thread-safe.
/// </summary>
public sealed class OpenAiFakeServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<FakeReply>> _scripts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeReply> _defaults = new(StringComparer.Ordinal);
    private readonly List<RecordedChatRequest> _requests = [];
    private readonly WebApplication _app;

    private OpenAiFakeServer(WebApplication app) => _app = app;

    /// <summary>The API's base URL, e.g. <c>http://127.0.0.1:41234/v1</c> (what a client's endpoint is set to).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every completion request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedChatRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<OpenAiFakeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new OpenAiFakeServer(app);
        app.MapPost("/v1/chat/completions", server.CompleteAsync);
        app.MapGet("/v1/models", server.ListModelsAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>The next replies for <paramref name="model"/>, used once each, in order.</summary>
    public void Enqueue(string model, params FakeReply[] replies)
    {
        lock (_lock)
        {
            if (!_scripts.TryGetValue(model, out var queue))
            {
                _scripts[model] = queue = new Queue<FakeReply>();
            }

            foreach (var reply in replies)
            {
                queue.Enqueue(reply);
            }
        }
    }

    /// <summary>The reply for <paramref name="model"/> once its queue is empty.</summary>
    public void SetDefault(string model, FakeReply reply)
    {
        lock (_lock)
        {
            _defaults[model] = reply;
        }
    }

    /// <summary>The completion requests for <paramref name="model"/>, in arrival order.</summary>
    public IReadOnlyList<RecordedChatRequest> RequestsFor(string model) => [.. Requests.Where(r => r.Model == model)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task CompleteAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        RecordedChatRequest request;
        try
        {
            request = Record(body, context.Request.Headers.Authorization.ToString());
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Invalid request body: " + exception.Message, type = "invalid_request_error" } });
            return;
        }

        FakeReply? reply;
        lock (_lock)
        {
            _requests.Add(request);
            reply = _scripts.TryGetValue(request.Model, out var queue) && queue.TryDequeue(out var next) ? next : _defaults.GetValueOrDefault(request.Model);
        }

        await (reply ?? FakeReply.ServerError()).WriteAsync(context, request);
    }

    private Task ListModelsAsync(HttpContext context)
    {
        string[] models;
        lock (_lock)
        {
            models = [.. _scripts.Keys.Union(_defaults.Keys).Order(StringComparer.Ordinal)];
        }

        return context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            data = models.Select(id => new { id, @object = "model", created = 0L, owned_by = "mindpeeker-fake" }),
        });
    }

    private static RecordedChatRequest Record(byte[] body, string authorization)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var messages = root.GetProperty("messages").EnumerateArray()
            .Select(message => (message.GetProperty("role").GetString()!, message.GetProperty("content").GetString()!))
            .ToList();
        var format = root.TryGetProperty("response_format", out var responseFormat) ? responseFormat.GetProperty("type").GetString() : null;
        return new RecordedChatRequest(root.GetProperty("model").GetString()!, messages, authorization.Length == 0 ? null : authorization, format, body);
    }
}
