using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Hosting;

/// <summary>
/// Breaks the construction cycle transport → handler → router → transport: the transport gets this
/// forwarder, and the cluster lifecycle attaches the real handler before the listener accepts anything.
/// </summary>
internal sealed class DeferredInboundMessageHandler : IInboundMessageHandler
{
    private IInboundMessageHandler? _target;

    public void Attach(IInboundMessageHandler target) => Volatile.Write(ref _target, target);

    /// <summary>
    /// The target's answer; before it is attached true, since the target is the grain runtime's call handler, which
    /// holds them, and a connection picks its send scheduler when it is made.
    /// </summary>
    public bool HoldsFlushesPerRead => Volatile.Read(ref _target)?.HoldsFlushesPerRead ?? true;

    public void OnMessage(Message message, IMessageConnection connection)
    {
        if (Volatile.Read(ref _target) is { } target)
        {
            target.OnMessage(message, connection);
        }
        else if (message.Kind == MessageKind.Request)
        {
            _ = connection.SendAsync(new Message { Kind = MessageKind.Response, Id = message.Id, Status = ResponseStatus.Unavailable }).AsTask();
        }
    }
}
