using System.IO.Pipelines;
using System.Net.Sockets;

namespace MindPeeker.Runtime.Messaging;

internal sealed partial class MessageConnection
{
    /// <summary>
    /// Serializes <paramref name="message"/> into the output pipe under a short lock (no await inside), so
    /// concurrent senders don't queue behind each other's awaits. When the pipe is over its pause threshold the
    /// flush does not complete: the sender waits for it, and later senders wait for the same flush before
    /// writing; that is the back-pressure. Completes synchronously in the common case.
    /// </summary>
    private ValueTask WriteAsync(Message message, CancellationToken cancellationToken)
    {
        Task<FlushResult> paused;
        lock (_writeGate)
        {
            if (_paused is null || _paused.IsCompleted)
            {
                _paused = null;
                if (_outputCompleted || Volatile.Read(ref _isClosed) != 0)
                {
                    return ValueTask.FromException(Closed(message.Kind));
                }

                try
                {
                    MessageCodec.Write(_output.Writer, message, _options.MaxFrameBytes);
                }
                catch (Exception exception) when (exception is WireProtocolException or ArgumentException)
                {
                    // Refused before anything was written: the connection stays usable.
                    return ValueTask.FromException(exception);
                }

                if (FlushHold.IsActive && _output.Writer.UnflushedBytes < _options.PauseWriterThresholdBytes / 2)
                {
                    FlushHold.Add(this);
                    return default;
                }

                var flush = _output.Writer.FlushAsync(CancellationToken.None);
                if (flush.IsCompletedSuccessfully)
                {
                    return flush.Result.IsCompleted ? ValueTask.FromException(Closed(message.Kind)) : default;
                }

                _paused = flush.AsTask();
                return AwaitOwnFlushAsync(_paused, message.Kind, cancellationToken);
            }

            paused = _paused;
        }

        return WriteAfterResumeAsync(paused, message, cancellationToken);
    }

    /// <summary>
    /// Flushes frames written but not flushed yet (see <see cref="FlushHold"/>); after the pending flush when senders are
    /// waiting for back-pressure. A closed connection drops them: its requests fail through <see cref="Abort"/>.
    /// </summary>
    internal void FlushHeldFrames()
    {
        var flush = FlushUnflushedAsync();
        if (!flush.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(flush, MessageKind.Response);
        }
    }

    private ValueTask FlushUnflushedAsync()
    {
        Task<FlushResult> paused;
        lock (_writeGate)
        {
            if (_paused is null || _paused.IsCompleted)
            {
                _paused = null;
                if (_outputCompleted || Volatile.Read(ref _isClosed) != 0 || _output.Writer.UnflushedBytes == 0)
                {
                    return default;
                }

                var flush = _output.Writer.FlushAsync(CancellationToken.None);
                if (flush.IsCompletedSuccessfully)
                {
                    return default;
                }

                _paused = flush.AsTask();
                return AwaitOwnFlushAsync(_paused, MessageKind.Response, CancellationToken.None);
            }

            paused = _paused;
        }

        return FlushAfterResumeAsync(paused);
    }

    private async ValueTask FlushAfterResumeAsync(Task<FlushResult> paused)
    {
        await paused.ConfigureAwait(false);
        await FlushUnflushedAsync().ConfigureAwait(false);
    }

    private async ValueTask AwaitOwnFlushAsync(Task<FlushResult> flush, MessageKind kind, CancellationToken cancellationToken)
    {
        if ((await flush.WaitAsync(cancellationToken).ConfigureAwait(false)).IsCompleted)
        {
            throw Closed(kind);
        }
    }

    private async ValueTask WriteAfterResumeAsync(Task<FlushResult> paused, Message message, CancellationToken cancellationToken)
    {
        await paused.WaitAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private ConnectionClosedException Closed(MessageKind kind) =>
        new($"The connection to {Describe()} is closed; the {kind} was not sent.");

    /// <summary>No frame is written after this; the pump sends what is queued, then shuts the socket's send side.</summary>
    private void CompleteOutput()
    {
        lock (_writeGate)
        {
            if (!_outputCompleted)
            {
                _outputCompleted = true;
                _output.Writer.Complete();
            }
        }
    }

    private async Task SendPumpAsync()
    {
        await Task.Yield();
        var reader = _output.Reader;
        var reason = "the send side stopped";
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await _stream.WriteAsync(segment).ConfigureAwait(false);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    _socket.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (result.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            reason = exception.Message;
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }

        Abort(reason);
    }
}
