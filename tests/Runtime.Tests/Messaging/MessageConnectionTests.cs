using System.Text;
using MindPeeker.Runtime.Messaging;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Messaging;

public sealed class MessageConnectionTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SendRequestAsync_ThousandConcurrentRequestsAnsweredOutOfOrder_EachGetsItsOwnResponse()
    {
        var handler = new RecordingHandler();
        await using var silo = LoopbackSilo.Start(handler);
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = await caller.GetConnectionAsync(silo.Address);

        var calls = Enumerable.Range(0, 1000)
            .Select(i => connection.SendRequestAsync(Request($"payload-{i}"), CallTimeout))
            .ToArray();
        var received = await handler.TakeAsync(1000);
        foreach (var call in received.AsEnumerable().Reverse())
        {
            await call.EchoAsync();
        }

        var responses = await Task.WhenAll(calls).WaitAsync(TestTimeouts.Generous);
        for (var i = 0; i < responses.Length; i++)
        {
            Encoding.UTF8.GetString(responses[i].Body.Span).Should().Be($"payload-{i}");
            responses[i].Status.Should().Be(ResponseStatus.Ok);
        }

        received.Select(call => call.Message.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task SendRequestAsync_NoResponseBeforeTheTimeout_FailsWithTimeoutAndDropsTheLateResponse()
    {
        var time = new FakeTimeProvider();
        var handler = new RecordingHandler();
        await using var silo = LoopbackSilo.Start(handler);
        await using var caller = LoopbackSilo.CreateCaller(timeProvider: time);
        var connection = await caller.GetConnectionAsync(silo.Address);

        var call = connection.SendRequestAsync(Request("slow"), TimeSpan.FromSeconds(5));
        var inbound = await handler.NextAsync();
        time.Advance(TimeSpan.FromSeconds(4));
        call.IsCompleted.Should().BeFalse("the deadline has not passed yet");
        time.Advance(TimeSpan.FromSeconds(1.5));

        var timedOut = async () => await call.WaitAsync(TestTimeouts.Generous);
        (await timedOut.Should().ThrowAsync<TimeoutException>()).WithMessage("*within 00:00:05*");

        await inbound.AnswerAsync("late"u8.ToArray());
        var next = connection.SendRequestAsync(Request("after"), CallTimeout);
        await (await handler.NextAsync()).EchoAsync();
        Encoding.UTF8.GetString((await next.WaitAsync(TestTimeouts.Generous)).Body.Span).Should().Be("after");
        connection.IsConnected.Should().BeTrue("a late response is dropped, not a protocol error");
    }

    [Fact]
    public async Task SendRequestAsync_RequestCarriesTimeToLiveOfItsTimeout()
    {
        var handler = new RecordingHandler();
        await using var silo = LoopbackSilo.Start(handler);
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = await caller.GetConnectionAsync(silo.Address);

        var call = connection.SendRequestAsync(Request("x"), TimeSpan.FromSeconds(7));

        var inbound = await handler.NextAsync();
        inbound.Message.TimeToLiveMilliseconds.Should().Be(7000);
        await inbound.EchoAsync();
        await call.WaitAsync(TestTimeouts.Generous);
    }

    [Fact]
    public async Task PeerClosing_FailsEveryPendingRequestWithConnectionClosed()
    {
        var handler = new RecordingHandler();
        var silo = LoopbackSilo.Start(handler);
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = await caller.GetConnectionAsync(silo.Address);
        var calls = Enumerable.Range(0, 3).Select(i => connection.SendRequestAsync(Request($"{i}"), CallTimeout)).ToArray();
        await handler.TakeAsync(3);

        await silo.DisposeAsync();

        foreach (var call in calls)
        {
            var wait = async () => await call.WaitAsync(TestTimeouts.Generous);
            (await wait.Should().ThrowAsync<ConnectionClosedException>()).WithMessage("*may or may not have run*");
        }

        connection.IsConnected.Should().BeFalse();
        var send = async () => await connection.SendRequestAsync(Request("after"), CallTimeout);
        await send.Should().ThrowAsync<ConnectionClosedException>();
    }

    [Fact]
    public async Task InboundRequestsOverTheCap_AreAnsweredOverloadedAtOnce()
    {
        var handler = new RecordingHandler();
        await using var silo = LoopbackSilo.Start(handler, configure: options => options.MaxInboundRequestsPerConnection = 2);
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = await caller.GetConnectionAsync(silo.Address);

        var first = connection.SendRequestAsync(Request("1"), CallTimeout);
        var second = connection.SendRequestAsync(Request("2"), CallTimeout);
        var held = await handler.TakeAsync(2);
        var third = await connection.SendRequestAsync(Request("3"), CallTimeout).WaitAsync(TestTimeouts.Generous);

        third.Status.Should().Be(ResponseStatus.Overloaded);
        first.IsCompleted.Should().BeFalse();
        foreach (var call in held)
        {
            await call.EchoAsync();
        }

        (await first.WaitAsync(TestTimeouts.Generous)).Status.Should().Be(ResponseStatus.Ok);
        (await second.WaitAsync(TestTimeouts.Generous)).Status.Should().Be(ResponseStatus.Ok);
        var fourth = connection.SendRequestAsync(Request("4"), CallTimeout);
        await (await handler.NextAsync()).EchoAsync();
        (await fourth.WaitAsync(TestTimeouts.Generous)).Status.Should().Be(ResponseStatus.Ok, "answered requests free their slots");
    }

    [Fact]
    public async Task Ping_IsAnsweredByTheTransportWithoutReachingTheHandler()
    {
        var handler = new RecordingHandler();
        await using var silo = LoopbackSilo.Start(handler);
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = await caller.GetConnectionAsync(silo.Address);

        var answer = await connection.SendRequestAsync(new Message { Kind = MessageKind.Ping }, CallTimeout).WaitAsync(TestTimeouts.Generous);

        answer.Kind.Should().Be(MessageKind.Response);
        answer.Status.Should().Be(ResponseStatus.Ok);
        var oneWay = new Message { Kind = MessageKind.OneWay, TargetGrain = "t/1" };
        await connection.SendAsync(oneWay);
        (await handler.NextAsync()).Message.Kind.Should().Be(MessageKind.OneWay, "the ping never reached the handler; the one-way is the first thing it saw");
    }

    [Fact]
    public async Task Goodbye_InFlightResponsesStillArriveThenTheConnectionCloses()
    {
        var handler = new RecordingHandler();
        await using var silo = LoopbackSilo.Start(handler);
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = await caller.GetConnectionAsync(silo.Address);
        var calls = Enumerable.Range(0, 5).Select(i => connection.SendRequestAsync(Request($"in-flight-{i}"), CallTimeout)).ToArray();
        var held = await handler.TakeAsync(5);
        var serverSide = (MessageConnection)held[0].Connection;

        var closing = serverSide.CloseGracefullyAsync();
        await ((MessageConnection)connection).Retirement.WaitAsync(TestTimeouts.Generous);
        var refused = async () => await connection.SendRequestAsync(Request("new"), CallTimeout);
        await refused.Should().ThrowAsync<ConnectionClosedException>("the peer said Goodbye, so no new requests go on this connection");
        closing.IsCompleted.Should().BeFalse("requests are still in flight");
        foreach (var call in held)
        {
            await call.EchoAsync();
        }

        var responses = await Task.WhenAll(calls).WaitAsync(TestTimeouts.Generous);
        responses.Select(r => Encoding.UTF8.GetString(r.Body.Span)).Should().Equal(Enumerable.Range(0, 5).Select(i => $"in-flight-{i}"));
        await closing.WaitAsync(TestTimeouts.Generous);
        await ((MessageConnection)connection).Completion.WaitAsync(TestTimeouts.Generous);
        var replacement = await caller.GetConnectionAsync(silo.Address);
        replacement.Should().NotBeSameAs(connection);
        replacement.IsConnected.Should().BeTrue();
    }

    [Fact]
    public async Task FrameOverThePeersLimit_ClosesTheConnectionWithALoggedReason()
    {
        var logs = new CapturingLoggerProvider();
        await using var silo = LoopbackSilo.Start(new RecordingHandler(), configure: options => options.MaxFrameBytes = 1024, loggerFactory: logs.CreateFactory());
        await using var caller = LoopbackSilo.CreateCaller();
        var connection = await caller.GetConnectionAsync(silo.Address);

        var call = async () => await connection.SendRequestAsync(new Message { Kind = MessageKind.Request, Body = new byte[4096] }, CallTimeout).WaitAsync(TestTimeouts.Generous);

        await call.Should().ThrowAsync<ConnectionClosedException>();
        logs.Lines.Should().Contain(line => line.Contains("protocol error", StringComparison.Ordinal) && line.Contains("limit is 1024 bytes", StringComparison.Ordinal));
    }

    internal static Message Request(string payload) => new()
    {
        Kind = MessageKind.Request,
        TargetGrain = "echo/1",
        InterfaceName = "IEcho",
        MethodName = "Echo",
        Body = Encoding.UTF8.GetBytes(payload),
    };
}
