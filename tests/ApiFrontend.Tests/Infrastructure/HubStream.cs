using System.Text.Json;
using System.Threading.Channels;

namespace MindPeeker.ApiFrontend.Tests.Infrastructure;

/// <summary>
/// The items of one stream invocation started by <see cref="SignalRJsonClient.StreamAsync"/>, buffered in arrival
/// order. Enumerating ends when the server completes the stream (or throws <see cref="HubInvocationException"/> with
/// its error); each item is awaited at most <see cref="SignalRJsonClient.Patience"/>. Disposing before the server
/// completed the stream sends a <c>CancelInvocation</c>. Meant for one reader at a time.
/// </summary>
internal sealed class HubStream(string method, ChannelReader<JsonElement> items, Func<Task> cancel) : IAsyncEnumerable<JsonElement>, IAsyncDisposable
{
    /// <summary>Reads items until one satisfies <paramref name="match"/>; returns them all, that one included.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadUntilAsync(Func<JsonElement, bool> match)
    {
        var seen = new List<JsonElement>();
        await foreach (var item in this)
        {
            seen.Add(item);
            if (match(item))
            {
                return seen;
            }
        }

        throw new InvalidOperationException(method + " completed before a matching item arrived.");
    }

    /// <inheritdoc/>
    public async IAsyncEnumerator<JsonElement> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(SignalRJsonClient.Patience);
            if (!await items.WaitToReadAsync(timeout.Token))
            {
                yield break;
            }

            while (items.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    /// <summary>Cancels the stream on the server unless it already completed.</summary>
    public async ValueTask DisposeAsync() => await cancel();
}
