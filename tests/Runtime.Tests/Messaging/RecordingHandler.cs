using System.Threading.Channels;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Tests.Messaging;

/// <summary>An inbound handler that queues what arrives so a test decides when (and in which order) to answer.</summary>
internal sealed class RecordingHandler : IInboundMessageHandler
{
    private readonly Channel<InboundCall> _calls = Channel.CreateUnbounded<InboundCall>();

    public void OnMessage(Message message, IMessageConnection connection) => _calls.Writer.TryWrite(new InboundCall(message, connection));

    public async Task<InboundCall> NextAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Generous);

    public async Task<List<InboundCall>> TakeAsync(int count)
    {
        var calls = new List<InboundCall>(count);
        while (calls.Count < count)
        {
            calls.Add(await NextAsync());
        }

        return calls;
    }
}

internal sealed record InboundCall(Message Message, IMessageConnection Connection)
{
    public ValueTask AnswerAsync(ReadOnlyMemory<byte> body, ResponseStatus status = ResponseStatus.Ok) =>
        Connection.SendAsync(new Message { Kind = MessageKind.Response, Id = Message.Id, Status = status, Body = body });

    public ValueTask EchoAsync() => AnswerAsync(Message.Body);
}

/// <summary>Answers every request with its own body, at once.</summary>
internal sealed class EchoHandler : IInboundMessageHandler
{
    public void OnMessage(Message message, IMessageConnection connection)
    {
        if (message.Kind == MessageKind.Request)
        {
            _ = connection.SendAsync(new Message { Kind = MessageKind.Response, Id = message.Id, Body = message.Body }).AsTask();
        }
    }
}

internal static class TestTimeouts
{
    /// <summary>Upper bound for waiting on a real event (socket I/O on loopback); never reached when the code works.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);
}
