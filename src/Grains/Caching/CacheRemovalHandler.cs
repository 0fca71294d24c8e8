using System.Text.Json;
using MindPeeker.Runtime.Management;

namespace MindPeeker.Grains.Caching;

/// <summary>
/// Silo control handler <c>cache.remove</c>: removes the storage keys of a <see cref="CacheRemovalRequest"/> from this
/// silo's memory level (the shared Redis level is left to the caller, which deletes there once for the cluster) and
/// answers a <see cref="CacheRemovalResult"/>. Asked of every silo by GDPR erasure. Thread-safe; never blocks.
/// </summary>
internal sealed class CacheRemovalHandler(TwoLevelCache cache) : ISiloControlHandler
{
    /// <summary>The name callers ask for.</summary>
    public const string HandlerName = "cache.remove";

    /// <summary>The JSON form of the argument and the answer (camelCase).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => HandlerName;

    /// <exception cref="ArgumentException">The argument is not a <see cref="CacheRemovalRequest"/> (the message never holds keys).</exception>
    public async ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken)
    {
        var request = argument.ValueKind == JsonValueKind.Object ? argument.Deserialize<CacheRemovalRequest>(Json) : null;
        if (request?.Keys is null)
        {
            throw new ArgumentException("The argument of cache.remove must be an object with a 'keys' array of strings.", nameof(argument));
        }

        var removed = await cache.RemoveFromMemoryAsync(request.Keys, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToElement(new CacheRemovalResult(removed), Json);
    }
}
