using System.Text.Json;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Runtime.Management;

/// <summary>The silo control of a silo that is not part of a cluster: it asks itself, under the address <c>local</c>.</summary>
internal sealed class LocalSiloControl(SiloControlHandlers handlers, SiloStatistics statistics) : ISiloControl
{
    public async Task<IReadOnlyList<SiloControlAnswer>> AskAllAsync(string name, JsonElement argument, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var outcome = await handlers.HandleAsync(name, argument, cancellationToken).ConfigureAwait(false);
        return [new SiloControlAnswer("local", statistics.SiloName, true, outcome.Result, outcome.Error)];
    }
}
