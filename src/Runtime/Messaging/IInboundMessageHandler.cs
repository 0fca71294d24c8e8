namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// Receives the requests and one-way messages that arrive on any connection of this process
/// (pings are answered by the transport itself). Must not block: hand work off and answer later with
/// <see cref="IMessageConnection.SendAsync"/> on the connection it came from.
/// </summary>
public interface IInboundMessageHandler
{
    void OnMessage(Message message, IMessageConnection connection);

    /// <summary>
    /// Whether what this handler sends while the reader loop hands it the messages of one read may leave in one socket
    /// write at the end of that read (its flushes held back meanwhile), rather than each send being flushed at once.
    /// Worth it for a handler that answers on the reader loop but not instantly, such as grain calls run inline.
    /// A connection reads this once when it is made to choose its send scheduler (see <c>HeldFlushScheduler</c>), then
    /// at every read. Default false.
    /// </summary>
    bool HoldsFlushesPerRead => false;
}
