using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Tests.Messaging;

public sealed class HandshakeTests
{
    [Fact]
    public async Task Listener_HelloOfAnotherProtocolVersion_AnswersWithItsOwnHelloAndCloses()
    {
        var logs = new CapturingLoggerProvider();
        await using var silo = LoopbackSilo.Start(new EchoHandler(), loggerFactory: logs.CreateFactory());
        using var raw = new TcpClient();
        await raw.ConnectAsync(IPAddress.Loopback, silo.Address.Port);
        var stream = raw.GetStream();
        var frame = MessageCodecTests.Encode(new Message { Kind = MessageKind.Hello, Body = """{"protocol":2}"""u8.ToArray() });
        frame[4] = 2;

        await stream.WriteAsync(frame);
        var received = await ReadToEndAsync(stream);

        var sequence = new ReadOnlySequence<byte>(received);
        MessageCodec.TryRead(ref sequence, WireProtocol.DefaultMaxFrameBytes, out var hello).Should().BeTrue();
        hello!.Kind.Should().Be(MessageKind.Hello);
        HelloPayload.Parse(hello.Body).Should().Be(new HelloPayload(1, "silo", silo.Address.ToString(), null, null, "dev"));
        logs.Lines.Should().Contain(line => line.Contains("protocol version 2", StringComparison.Ordinal) && line.Contains("speaks protocol version 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Listener_HelloFromANewerVersionInAVersion1Frame_IsAcceptedAndAnsweredWithVersion1()
    {
        await using var silo = LoopbackSilo.Start(new EchoHandler());
        using var raw = new TcpClient();
        await raw.ConnectAsync(IPAddress.Loopback, silo.Address.Port);
        var hello = new HelloPayload(2, "client", null, null, "future-client", "dev");

        await raw.GetStream().WriteAsync(MessageCodecTests.Encode(new Message { Kind = MessageKind.Hello, Body = hello.ToJson() }));
        await raw.GetStream().WriteAsync(MessageCodecTests.Encode(new Message { Kind = MessageKind.Ping, Id = 1 }));
        var received = new byte[4096];
        var length = 0;
        var frames = new List<Message>();
        while (frames.Count < 2)
        {
            var read = await raw.GetStream().ReadAsync(received.AsMemory(length)).AsTask().WaitAsync(TestTimeouts.Generous);
            read.Should().BePositive("the silo keeps the connection open");
            length += read;
            var sequence = new ReadOnlySequence<byte>(received, 0, length);
            frames.Clear();
            while (MessageCodec.TryRead(ref sequence, WireProtocol.DefaultMaxFrameBytes, out var frame))
            {
                frames.Add(frame);
            }
        }

        HelloPayload.Parse(frames[0].Body).Protocol.Should().Be(1);
        frames[1].Should().BeEquivalentTo(new { Kind = MessageKind.Response, Id = 1L, Status = ResponseStatus.Ok }, "version 1 is spoken after the handshake");
    }

    [Fact]
    public async Task Connector_ListenerOfAnotherProtocolVersion_FailsNamingBothVersions()
    {
        using var fake = new TcpListener(IPAddress.Loopback, 0);
        fake.Start();
        var port = ((IPEndPoint)fake.LocalEndpoint).Port;
        var answering = AnswerWithVersion2Async(fake);
        await using var caller = LoopbackSilo.CreateCaller();

        var connect = async () => await caller.GetConnectionAsync($"127.0.0.1:{port}");

        (await connect.Should().ThrowAsync<ConnectionFailedException>()).WithMessage("*protocol version 2*speaks protocol version 1*");
        await answering.WaitAsync(TestTimeouts.Generous);
    }

    private static async Task AnswerWithVersion2Async(TcpListener listener)
    {
        using var socket = await listener.AcceptSocketAsync();
        var frame = MessageCodecTests.Encode(new Message { Kind = MessageKind.Hello, Body = """{"protocol":2}"""u8.ToArray() });
        frame[4] = 2;
        await socket.SendAsync(frame);
        var buffer = new byte[4096];
        while (await socket.ReceiveAsync(buffer) > 0)
        {
        }
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream)
    {
        using var all = new MemoryStream();
        await stream.CopyToAsync(all).WaitAsync(TestTimeouts.Generous);
        return all.ToArray();
    }
}
