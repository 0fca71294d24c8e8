using System.Text;
using MindPeeker.Runtime.Messaging;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Messaging;

/// <summary>
/// A handler that holds flushes per read (the grain runtime's) has its answers sent at the end of each read; an answer
/// held by a read that then blocks in user code still leaves, at the connection's next deadline scan.
/// </summary>
public sealed class FlushHoldTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HoldingHandler_AnswersEveryRequestOfABurst()
    {
        await using var silo = LoopbackSilo.Start(new HoldingHandler(blockAfterAnswering: null));
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = await caller.GetConnectionAsync(silo.Address);

        var calls = Enumerable.Range(0, 500).Select(i => connection.SendRequestAsync(MessageConnectionTests.Request($"burst-{i}"), CallTimeout)).ToArray();

        var responses = await Task.WhenAll(calls).WaitAsync(TestTimeouts.Generous);
        responses.Select(r => Encoding.UTF8.GetString(r.Body.Span)).Should().Equal(Enumerable.Range(0, 500).Select(i => $"burst-{i}"));
    }

    [Fact]
    public async Task HoldingHandler_BlockedAfterAnswering_TheHeldAnswerLeavesAtTheNextDeadlineScan()
    {
        var time = new FakeTimeProvider();
        var answered = new TaskCompletionSource<Message>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new HoldingHandler(blockAfterAnswering: answered.Task);
        await using var silo = LoopbackSilo.Start(handler, timeProvider: time);
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = await caller.GetConnectionAsync(silo.Address);

        var call = connection.SendRequestAsync(MessageConnectionTests.Request("held"), CallTimeout);
        _ = call.ContinueWith(t => answered.TrySetResult(t.Result), TaskScheduler.Default);
        await handler.Blocked.WaitAsync(TestTimeouts.Generous);
        time.Advance(TimeSpan.FromMilliseconds(250));

        Encoding.UTF8.GetString((await call.WaitAsync(TestTimeouts.Generous)).Body.Span).Should().Be("held");
    }

    /// <summary>Echoes on the reader loop with flushes held per read; optionally blocks there after the first answer.</summary>
    private sealed class HoldingHandler(Task? blockAfterAnswering) : IInboundMessageHandler
    {
        private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Blocked => _blocked.Task;

        public bool HoldsFlushesPerRead => true;

        public void OnMessage(Message message, IMessageConnection connection)
        {
            if (message.Kind != MessageKind.Request)
            {
                return;
            }

            _ = connection.SendAsync(new Message { Kind = MessageKind.Response, Id = message.Id, Body = message.Body }).AsTask();
            if (blockAfterAnswering is not null && _blocked.TrySetResult())
            {
                // Grain code blocking its turn on the reader loop, on purpose: only the deadline scan can send the answer now.
                blockAfterAnswering.Wait(TestTimeouts.Generous * 3);
            }
        }
    }
}
