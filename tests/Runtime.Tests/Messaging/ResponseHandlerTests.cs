using System.Text;
using MindPeeker.Runtime.Messaging;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Messaging;

/// <summary>
/// Requests answered through an <see cref="IResponseHandler"/> (the grain-call path): responses are delivered in batches
/// off the reader loop, and a handler that blocks cannot hold up the responses behind it for good.
/// </summary>
public sealed class ResponseHandlerTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ScanInterval = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task SendRequest_HandlerBlockedUntilALaterResponseArrives_GetsItBecauseHandlersRunOffTheReaderLoop()
    {
        var server = new RecordingHandler();
        await using var silo = LoopbackSilo.Start(server);
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = (MessageConnection)await caller.GetConnectionAsync(silo.Address);
        var second = new RecordingResponseHandler();
        var first = new RecordingResponseHandler(blockUntil: second.Received);
        connection.SendRequest(MessageConnectionTests.Request("first"), CallTimeout, first);
        connection.SendRequest(MessageConnectionTests.Request("second"), CallTimeout, second);
        var calls = await server.TakeAsync(2);

        await calls[0].EchoAsync();
        await first.Started.WaitAsync(TestTimeouts.Generous);
        await calls[1].EchoAsync();

        Encoding.UTF8.GetString((await second.Received.WaitAsync(TestTimeouts.Generous)).Body.Span).Should().Be("second", "the reader loop is free while the first handler blocks");
        Encoding.UTF8.GetString((await first.Received.WaitAsync(TestTimeouts.Generous)).Body.Span).Should().Be("first");
        connection.IsConnected.Should().BeTrue();
    }

    [Fact]
    public async Task ResponseBatch_HandlerBlockedOnALaterResponseOfTheSameBatch_IsRescuedByTheDeadlineScan()
    {
        var time = new FakeTimeProvider();
        using var table = new PendingRequestTable(time, ScanInterval, () => "peer", () => { });
        var third = new RecordingResponseHandler();
        var second = new RecordingResponseHandler();
        var first = new RecordingResponseHandler(blockUntil: third.Received);
        ResponseBatch? batch = null;
        foreach (var (id, handler) in new[] { (1L, first), (2L, second), (3L, third) })
        {
            table.Add(new Message { Kind = MessageKind.Request, Id = id }, CallTimeout, handler);
        }

        foreach (var id in new[] { 1L, 2L, 3L })
        {
            table.TryComplete(new Message { Kind = MessageKind.Response, Id = id }, ref batch).Should().BeTrue();
        }

        table.Deliver(batch!);
        await first.Started.WaitAsync(TestTimeouts.Generous);
        second.Received.IsCompleted.Should().BeFalse("the batch's one worker is blocked in the first handler");
        time.Advance(ScanInterval);
        time.Advance(ScanInterval);

        (await third.Received.WaitAsync(TestTimeouts.Generous)).Id.Should().Be(3);
        (await second.Received.WaitAsync(TestTimeouts.Generous)).Id.Should().Be(2);
        (await first.Received.WaitAsync(TestTimeouts.Generous)).Id.Should().Be(1);
        table.Count.Should().Be(0);
    }

    [Fact]
    public async Task SendRequest_ConnectionClosesBeforeTheResponse_TheHandlerGetsConnectionClosed()
    {
        var server = new RecordingHandler();
        var silo = LoopbackSilo.Start(server);
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = (MessageConnection)await caller.GetConnectionAsync(silo.Address);
        var handler = new RecordingResponseHandler();
        connection.SendRequest(MessageConnectionTests.Request("never answered"), CallTimeout, handler);
        await server.NextAsync();

        await silo.DisposeAsync();

        (await handler.Failed.WaitAsync(TestTimeouts.Generous)).Should().BeOfType<ConnectionClosedException>();
        handler.Received.IsCompleted.Should().BeFalse();
    }

    /// <summary>Records the outcome; optionally blocks its thread in <see cref="OnResponse"/> until another task completes.</summary>
    private sealed class RecordingResponseHandler(Task? blockUntil = null) : IResponseHandler
    {
        private readonly TaskCompletionSource<Message> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<Exception> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<Message> Received => _received.Task;

        public Task<Exception> Failed => _failed.Task;

        public Task Started => _started.Task;

        public void OnResponse(Message response)
        {
            _started.TrySetResult();
            // Blocking on purpose, as careless caller code would (longer than any test waits): nothing else may wait for it.
            blockUntil?.Wait(TestTimeouts.Generous * 3);
            _received.TrySetResult(response);
        }

        public void OnFailure(Exception error) => _failed.TrySetResult(error);
    }
}
