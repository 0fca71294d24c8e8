namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// Receives the requests and one-way messages that arrive on any connection of this process
/// (pings are answered by the transport itself). Must not block: hand work off and answer later with
/// <see cref="IMessageConnection.SendAsync"/> on the connection it came from.
/// </summary>
public interface IInboundMessageHandler
{
    void OnMessage(Message message, IMessageConnection connection);
}
