using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// One long-lived, multiplexed TCP connection to a silo or a client. Thread-safe: any number of
/// requests may be in flight; sends are serialized onto the socket in order.
/// </summary>
public interface IMessageConnection
{
    /// <summary>The silo at the other end, when it is a silo.</summary>
    SiloAddress? RemoteSilo { get; }

    /// <summary>The client id at the other end, when it is a cluster client.</summary>
    string? RemoteClientId { get; }

    /// <summary>False once the connection closed; requests then fail with <see cref="ConnectionClosedException"/>.</summary>
    bool IsConnected { get; }

    /// <summary>
    /// Sends a request (assigns <see cref="Message.Id"/>) and completes with the response. Fails with a
    /// <see cref="TimeoutException"/> when none arrives within <paramref name="timeout"/>, and with
    /// <see cref="ConnectionClosedException"/> when the connection breaks first. Waits (back-pressure)
    /// while the outgoing buffer is over its limit.
    /// </summary>
    Task<Message> SendRequestAsync(Message request, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Sends a response or one-way message; back-pressure as above.</summary>
    ValueTask SendAsync(Message message, CancellationToken cancellationToken = default);
}
