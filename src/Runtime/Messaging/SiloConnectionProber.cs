using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// Probes a silo with a <see cref="MessageKind.Ping"/> over the silo-to-silo connection, which the other
/// side's transport answers without involving grains. A refused or timed-out connect, a wrong generation
/// at that endpoint, a closed connection or no answer in time all mean false.
/// </summary>
internal sealed class SiloConnectionProber(ConnectionManager connections, TimeProvider timeProvider) : ISiloProber
{
    public async Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        try
        {
            var connection = await connections.GetConnectionAsync(target, linked.Token).ConfigureAwait(false);
            var answer = await connection.SendRequestAsync(new Message { Kind = MessageKind.Ping }, timeout, linked.Token).ConfigureAwait(false);
            return answer.Status == ResponseStatus.Ok;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception) when (exception is ConnectionFailedException or ConnectionClosedException or TimeoutException or IOException)
        {
            return false;
        }
    }
}
