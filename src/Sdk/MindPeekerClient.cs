using MindPeeker.Sdk.Http;
using MindPeeker.Sdk.Sessions;

namespace MindPeeker.Sdk;

/// <summary>
/// The MindPeeker API client. Thread safe; create one per base URL and credential and reuse it. When you pass
/// an <see cref="HttpClient"/> you keep owning it (the client never disposes it); otherwise the client creates
/// one and disposes it with itself.
/// </summary>
/// <example>
/// <code>
/// using var client = new MindPeekerClient(new MindPeekerClientOptions { BaseAddress = new("http://127.0.0.1:5080"), ApiKey = key });
/// var session = await client.Sessions.CreateAsync(new("A lighthouse at dusk", "remote_viewing"));
/// var done = await client.Sessions.WaitForCompletionAsync(session.Id, new() { OnProgress = u => Console.WriteLine(u.Data.Progress) });
/// var results = await client.Sessions.GetResultsAsync(session.Id);
/// </code>
/// </example>
public sealed class MindPeekerClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;

    public MindPeekerClient(MindPeekerClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseAddress is null)
        {
            throw new ArgumentException("MindPeekerClientOptions.BaseAddress is required.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.ApiKey) && string.IsNullOrEmpty(options.BearerToken))
        {
            throw new ArgumentException("Set MindPeekerClientOptions.ApiKey or BearerToken.", nameof(options));
        }

        _ownedHttpClient = httpClient is null ? new HttpClient() : null;
        var connection = new ApiConnection(httpClient ?? _ownedHttpClient!, options);
        Sessions = new SessionsClient(connection);
    }

    /// <summary>Sessions: create, get, list, results, live updates, wait for completion.</summary>
    public SessionsClient Sessions { get; }

    public void Dispose() => _ownedHttpClient?.Dispose();
}
