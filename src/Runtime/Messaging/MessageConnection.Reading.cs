using System.Net.Sockets;

namespace MindPeeker.Runtime.Messaging;

internal sealed partial class MessageConnection
{
    /// <summary>Reads the peer's Hello, the first frame it sends. Anything else first is a protocol error.</summary>
    internal async Task<HelloPayload> ReadHelloAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            Message? frame = null;
            try
            {
                if (MessageCodec.TryRead(ref buffer, _options.MaxFrameBytes, out frame) && frame.Kind != MessageKind.Hello)
                {
                    throw new WireProtocolException($"The peer sent a {frame.Kind} before its Hello.");
                }
            }
            finally
            {
                // Once the Hello is parsed, frames right behind it in the same read must stay visible to the reader loop.
                _input.AdvanceTo(buffer.Start, frame is null ? buffer.End : buffer.Start);
            }

            if (frame is not null)
            {
                return HelloPayload.Parse(frame.Body);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                throw new ConnectionClosedException($"{RemoteEndpoint} closed the connection before sending its Hello.");
            }
        }
    }

    internal ValueTask SendHelloAsync(HelloPayload hello, CancellationToken cancellationToken) =>
        WriteAsync(new Message { Kind = MessageKind.Hello, Body = hello.ToJson() }, cancellationToken);

    /// <summary>Starts the reader loop; call once, after the handshake.</summary>
    internal void Start() => _readLoop = ReadLoopAsync();

    private async Task ReadLoopAsync()
    {
        await Task.Yield();
        var reason = "the peer closed it";
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                ResponseBatch? responses = null;
                var holding = _handler.HoldsFlushesPerRead && FlushHold.Begin();
                try
                {
                    while (MessageCodec.TryRead(ref buffer, _options.MaxFrameBytes, out var message))
                    {
                        Dispatch(message, ref responses);
                    }
                }
                finally
                {
                    _input.AdvanceTo(buffer.Start, buffer.End);
                    if (responses is not null)
                    {
                        _pending.Deliver(responses);
                    }

                    if (holding)
                    {
                        FlushHold.End();
                    }
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (WireProtocolException exception)
        {
            reason = "protocol error: " + exception.Message;
            MessagingLog.ProtocolError(_logger, Describe(), exception.Message);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = exception.Message;
        }
        finally
        {
            await _input.CompleteAsync().ConfigureAwait(false);
        }

        Abort(reason);
    }

    private void Dispatch(Message message, ref ResponseBatch? responses)
    {
        switch (message.Kind)
        {
            case MessageKind.Response:
                if (!_pending.TryComplete(message, ref responses))
                {
                    MessagingLog.LateResponseDropped(_logger, message.Id, Describe());
                }

                break;
            case MessageKind.Request:
                if (Interlocked.Increment(ref _inboundInFlight) > _options.MaxInboundRequestsPerConnection)
                {
                    Interlocked.Decrement(ref _inboundInFlight);
                    RejectOverloaded(message);
                    break;
                }

                _overloadReported = false;
                Deliver(message);
                break;
            case MessageKind.OneWay:
                Deliver(message);
                break;
            case MessageKind.Ping:
                SendAutomatic(new Message { Kind = MessageKind.Response, Id = message.Id, Status = ResponseStatus.Ok });
                break;
            case MessageKind.Goodbye:
                _acceptsRequests = false;
                Retire();
                break;
            default:
                throw new WireProtocolException($"The peer sent a {message.Kind} after the handshake.");
        }
    }

    private void Deliver(Message message)
    {
        try
        {
            _handler.OnMessage(message, this);
        }
        catch (Exception exception)
        {
            // The handler's failure is its own; the connection and the other calls on it carry on.
            MessagingLog.HandlerFailed(_logger, exception, message.Kind, Describe());
            if (message.Kind == MessageKind.Request)
            {
                ReleaseInboundSlot();
            }
        }
    }

    private void RejectOverloaded(Message request)
    {
        if (!_overloadReported)
        {
            _overloadReported = true;
            MessagingLog.InboundOverloaded(_logger, Describe(), _options.MaxInboundRequestsPerConnection, request.Id);
        }

        SendAutomatic(new Message { Kind = MessageKind.Response, Id = request.Id, Status = ResponseStatus.Overloaded });
    }

    /// <summary>Sends a frame the transport itself answers with, without ever blocking the reader loop on back-pressure.</summary>
    private void SendAutomatic(Message message)
    {
        var send = WriteAsync(message, CancellationToken.None);
        if (!send.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(send, message.Kind);
        }
    }

    private async Task ObserveAsync(ValueTask send, MessageKind kind)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ConnectionClosedException or IOException)
        {
            MessagingLog.AutomaticSendFailed(_logger, exception, kind, Describe());
        }
    }
}
