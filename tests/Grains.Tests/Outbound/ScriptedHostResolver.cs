using System.Collections.Concurrent;
using System.Net;
using MindPeeker.Grains.Outbound;

namespace MindPeeker.Grains.Tests.Outbound;

/// <summary>
/// A resolver with scripted answers per host: each lookup takes the next answer in the host's script and keeps
/// repeating the last one (so "public, then private" models DNS rebinding). Unknown hosts resolve to nothing.
/// Counts lookups. Thread safe.
/// </summary>
internal sealed class ScriptedHostResolver : OutboundHostResolver
{
    private readonly ConcurrentDictionary<string, Queue<IPAddress[]>> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _lookups = new(StringComparer.OrdinalIgnoreCase);

    public ScriptedHostResolver Answer(string host, params string[][] answers)
    {
        _scripts[host] = new Queue<IPAddress[]>(answers.Select(a => a.Select(IPAddress.Parse).ToArray()));
        return this;
    }

    public int LookupsOf(string host) => _lookups.GetValueOrDefault(host);

    public override Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        _lookups.AddOrUpdate(host, 1, (_, count) => count + 1);
        if (!_scripts.TryGetValue(host, out var script))
        {
            return Task.FromResult<IReadOnlyList<IPAddress>>([]);
        }

        lock (script)
        {
            return Task.FromResult<IReadOnlyList<IPAddress>>(script.Count > 1 ? script.Dequeue() : script.Peek());
        }
    }
}
