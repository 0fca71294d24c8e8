using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace MindPeeker.Benchmarks.RealtimeLatency;

/// <summary>
/// The Node process running <c>realtime-latency.cjs</c> with the official <c>@microsoft/signalr</c>
/// client, and the JSON-lines conversation with it (see the script's header).
/// </summary>
internal sealed class NodeClients : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();

    private NodeClients(Process process) => _process = process;

    public static NodeClients Start(string script, Uri baseAddress, string token, int connections, string sessionsFile)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, baseAddress.ToString().TrimEnd('/'), token, connections.ToString(System.Globalization.CultureInfo.InvariantCulture), sessionsFile })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var clients = new NodeClients(Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start."));
        clients._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                clients._events.Writer.TryWrite(JsonDocument.Parse(line).RootElement.Clone());
            }
            else if (e.Data is null)
            {
                clients._events.Writer.TryComplete(new InvalidOperationException("The Node clients exited."));
            }
        };
        clients._process.BeginOutputReadLine();
        return clients;
    }

    /// <summary>The next message named <paramref name="name"/>; an <c>error</c> message throws.</summary>
    public async Task<JsonElement> ExpectAsync(string name, TimeSpan timeout)
    {
        while (true)
        {
            var message = await _events.Reader.ReadAsync().AsTask().WaitAsync(timeout);
            var kind = message.GetProperty("event").GetString();
            if (kind == "error")
            {
                throw new InvalidOperationException("The Node clients failed: " + message.GetProperty("error").GetString());
            }

            if (kind == name)
            {
                return message;
            }
        }
    }

    public async Task SendAsync(object command)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
        await _process.StandardInput.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await SendAsync(new { command = "exit" });
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }
}
