using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Cluster;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// One TCP connection after (or during) its Hello handshake. Senders serialize frames into an in-memory
/// pipe under a write lock; a pump copies the pipe to the socket, so frames written while it is busy go out
/// in one batch. Back-pressure comes from the pipe's pause threshold: a sender waits while more than
/// <see cref="TransportOptions.PauseWriterThresholdBytes"/> are unsent. A reader loop parses frames and
/// hands requests and one-ways to the <see cref="IInboundMessageHandler"/>, answers pings, and matches
/// responses to <see cref="PendingRequestTable"/> entries. Thread-safe.
/// </summary>
internal sealed partial class MessageConnection : IMessageConnection, IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly Pipe _output;
    private readonly Lock _writeGate = new();
    private readonly PendingRequestTable _pending;
    private readonly IInboundMessageHandler _handler;
    private readonly TransportOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _retired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _sendPump;
    private Task _readLoop = Task.CompletedTask;
    private long _nextRequestId;
    private int _inboundInFlight;
    private int _isClosed;
    private int _retiredCallbackGate;
    private volatile bool _acceptsRequests = true;
    private volatile bool _draining;
    private bool _outputCompleted;
    private Task<FlushResult>? _paused;
    private bool _overloadReported;

    public MessageConnection(Socket socket, string remoteEndpoint, IInboundMessageHandler handler, TransportOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _socket = socket;
        _socket.NoDelay = true;
        RemoteEndpoint = remoteEndpoint;
        _handler = handler;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4096, leaveOpen: true));
        _output = new Pipe(new PipeOptions(
            pauseWriterThreshold: options.PauseWriterThresholdBytes,
            resumeWriterThreshold: options.PauseWriterThresholdBytes / 2,
            minimumSegmentSize: 16 * 1024,
            readerScheduler: handler.HoldsFlushesPerRead ? HeldFlushScheduler.Instance : PipeScheduler.ThreadPool,
            writerScheduler: PipeScheduler.Inline,
            useSynchronizationContext: false));
        // The deadline scan also flushes frames a thread held back and then got stuck in user code with (see FlushHold).
        _pending = new PendingRequestTable(timeProvider, options.DeadlineScanInterval, () => Describe(), CheckDrained, FlushHeldFrames);
        _sendPump = SendPumpAsync();
    }

    /// <summary><c>host:port</c> of the other end, for logs and error messages.</summary>
    public string RemoteEndpoint { get; }

    public SiloAddress? RemoteSilo { get; private set; }

    public string? RemoteClientId { get; private set; }

    public bool IsConnected => _acceptsRequests && Volatile.Read(ref _isClosed) == 0;

    /// <summary>Completes once the connection is closed, for any reason.</summary>
    public Task Completion => _closed.Task;

    /// <summary>Completes when the connection stops taking new requests: Goodbye sent or received, or closed.</summary>
    public Task Retirement => _retired.Task;

    /// <summary>Called once, when the connection stops taking new requests (Goodbye sent or received) or closes; set before <c>Start</c>.</summary>
    public Action<MessageConnection>? Retired { get; set; }

    /// <summary>Requests received here whose response has not been sent yet.</summary>
    public int InboundRequestsInFlight => Volatile.Read(ref _inboundInFlight);

    public async Task<Message> SendRequestAsync(Message request, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind is not (MessageKind.Request or MessageKind.Ping))
        {
            throw new ArgumentException($"Only Request and Ping frames expect a response; this one is {request.Kind}.", nameof(request));
        }

        if (!IsConnected)
        {
            throw new ConnectionClosedException($"The connection to {Describe()} is closed or closing; nothing was sent.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        request.Id = Interlocked.Increment(ref _nextRequestId);
        if (request.TimeToLiveMilliseconds == 0 && timeout != Timeout.InfiniteTimeSpan)
        {
            request.TimeToLiveMilliseconds = (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 1, int.MaxValue);
        }

        var pending = _pending.Add(request, timeout);
        if (cancellationToken.CanBeCanceled)
        {
            var id = request.Id;
            pending.Cancellation = cancellationToken.UnsafeRegister((_, token) => _pending.Cancel(id, token), null);
        }

        try
        {
            await WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _pending.Forget(request.Id);
            throw;
        }

        return await pending.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a request (assigns <see cref="Message.Id"/>) whose outcome goes to <paramref name="handler"/> instead of a
    /// task: the response off the reader loop, batched with the others read at the same time (<see cref="ResponseBatch"/>);
    /// a timeout, a closed connection or a failed send through <see cref="IResponseHandler.OnFailure"/>, possibly before
    /// this returns. Saves the awaits of <see cref="SendRequestAsync"/> on the grain-call path; back-pressure as there.
    /// </summary>
    internal void SendRequest(Message request, TimeSpan timeout, IResponseHandler handler)
    {
        if (!IsConnected)
        {
            handler.OnFailure(new ConnectionClosedException($"The connection to {Describe()} is closed or closing; nothing was sent."));
            return;
        }

        request.Id = Interlocked.Increment(ref _nextRequestId);
        if (request.TimeToLiveMilliseconds == 0 && timeout != Timeout.InfiniteTimeSpan)
        {
            request.TimeToLiveMilliseconds = (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 1, int.MaxValue);
        }

        _pending.Add(request, timeout, handler);
        var write = WriteAsync(request, CancellationToken.None);
        if (write.IsCompletedSuccessfully)
        {
            return;
        }

        _ = CompleteSendAsync(write, request.Id, handler);
    }

    public ValueTask SendAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind == MessageKind.Response)
        {
            ReleaseInboundSlot();
        }

        return WriteAsync(message, cancellationToken);
    }

    /// <summary>
    /// Graceful close: sends Goodbye, stops taking new requests, waits (up to
    /// <see cref="TransportOptions.GracefulCloseTimeout"/>) until the requests received here are answered and the
    /// requests sent from here got their responses, then closes the socket after the last byte is sent.
    /// </summary>
    public async Task CloseGracefullyAsync()
    {
        if (Volatile.Read(ref _isClosed) != 0)
        {
            return;
        }

        _acceptsRequests = false;
        _draining = true;
        Retire();
        try
        {
            await WriteAsync(new Message { Kind = MessageKind.Goodbye }, CancellationToken.None).ConfigureAwait(false);
            CheckDrained();
            await _drained.Task.WaitAsync(_options.GracefulCloseTimeout, _timeProvider).ConfigureAwait(false);
            CompleteOutput();
            await _sendPump.WaitAsync(_options.GracefulCloseTimeout, _timeProvider).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ConnectionClosedException or TimeoutException or IOException)
        {
            // Closing anyway: what did not drain in time fails with ConnectionClosedException below.
        }

        Abort("closed gracefully");
    }

    public async ValueTask DisposeAsync()
    {
        Abort("closed by this process");
        await Task.WhenAll(_sendPump, _readLoop).ConfigureAwait(false);
    }

    /// <summary>Closes the socket now; requests still waiting fail with <see cref="ConnectionClosedException"/>.</summary>
    public void Abort(string reason)
    {
        if (Interlocked.Exchange(ref _isClosed, 1) != 0)
        {
            return;
        }

        _acceptsRequests = false;
        _pending.Dispose();
        _pending.FailAll(pending => new ConnectionClosedException(
            $"The connection to {Describe()} closed ({reason}) before the response to {PendingRequestTable.Describe(pending.Request)} arrived; the call may or may not have run."));
        _socket.Dispose();
        _output.Reader.CancelPendingRead();
        _input.CancelPendingRead();
        MessagingLog.ConnectionClosed(_logger, Describe(), reason);
        _closed.TrySetResult();
        Retire();
    }

    private async Task CompleteSendAsync(ValueTask write, long requestId, IResponseHandler handler)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Only the send failed: the handler hears of it unless the response table already gave up on the request.
            if (_pending.TryForget(requestId))
            {
                handler.OnFailure(exception);
            }
        }
    }

    internal void SetRemote(HelloPayload hello)
    {
        RemoteSilo = SiloAddress.TryParse(hello.Silo, out var silo) ? silo : null;
        RemoteClientId = hello.ClientId;
    }

    internal string Describe() => RemoteSilo?.ToString() ?? (RemoteClientId is { } client ? $"client {client} ({RemoteEndpoint})" : RemoteEndpoint);

    private void ReleaseInboundSlot()
    {
        var current = Volatile.Read(ref _inboundInFlight);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _inboundInFlight, current - 1, current);
            if (seen == current)
            {
                CheckDrained();
                return;
            }

            current = seen;
        }
    }

    private void CheckDrained()
    {
        if (_draining && Volatile.Read(ref _inboundInFlight) == 0 && _pending.Count == 0)
        {
            _drained.TrySetResult();
        }
    }

    private void Retire()
    {
        if (Interlocked.Exchange(ref _retiredCallbackGate, 1) == 0)
        {
            Retired?.Invoke(this);
            _retired.TrySetResult();
        }
    }
}
