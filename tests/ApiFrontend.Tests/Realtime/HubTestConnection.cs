using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Realtime;

/// <summary>The public hub <c>/v1/ws</c> through <see cref="SignalRJsonClient"/>, and its <c>session_update</c> pushes.</summary>
internal static class HubTestConnection
{
    private const string SessionUpdate = "session_update";

    /// <summary>Connects to <c>/v1/ws</c>; <paramref name="configure"/> sets credentials on the upgrade request.</summary>
    public static Task<SignalRJsonClient> ConnectAsync<TEntryPoint>(
        WebApplicationFactory<TEntryPoint> factory, Action<HttpRequest>? configure = null, string query = "")
        where TEntryPoint : class =>
        SignalRJsonClient.ConnectAsync(factory, "/v1/ws", configure, query);

    /// <summary>The next <c>session_update</c> the server sent, in arrival order.</summary>
    public static Task<JsonElement> NextUpdateAsync(this SignalRJsonClient hub) => hub.NextAsync(SessionUpdate);

    /// <summary>Reads updates until one satisfies <paramref name="last"/>; returns them all, that one included.</summary>
    public static Task<IReadOnlyList<JsonElement>> UpdatesUntilAsync(this SignalRJsonClient hub, Func<JsonElement, bool> last) =>
        hub.NextUntilAsync(SessionUpdate, last);
}
