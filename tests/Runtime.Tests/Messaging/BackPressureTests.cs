using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Tests.Messaging;

public sealed class BackPressureTests
{
    [Fact]
    public async Task SendAsync_PeerStopsReading_SendersWaitUntilItReadsAgain()
    {
        using var peer = new TcpListener(IPAddress.Loopback, 0);
        peer.Start();
        var address = new SiloAddress("127.0.0.1", ((IPEndPoint)peer.LocalEndpoint).Port, 1);
        var accepting = AcceptAndHandshakeAsync(peer, address);
        await using var caller = LoopbackSilo.CreateCaller(configure: options => options.PauseWriterThresholdBytes = 64 * 1024);
        var connection = await caller.GetConnectionAsync(address);
        using var stalled = await accepting.WaitAsync(TestTimeouts.Generous);
        var oneWay = new Message { Kind = MessageKind.OneWay, Body = new byte[64 * 1024] };

        ValueTask? waiting = null;
        for (var sent = 0; sent < 10_000 && waiting is null; sent++)
        {
            var send = connection.SendAsync(oneWay);
            if (!send.IsCompleted)
            {
                waiting = send;
            }
        }

        waiting.Should().NotBeNull("once the socket buffers and the pipe are full, a sender has to wait");
        var drain = DrainAsync(stalled);
        await waiting!.Value.AsTask().WaitAsync(TestTimeouts.Generous);
        connection.IsConnected.Should().BeTrue();
        stalled.Dispose();
        await drain;
    }

    private static async Task<Socket> AcceptAndHandshakeAsync(TcpListener listener, SiloAddress self)
    {
        var socket = await listener.AcceptSocketAsync();
        var received = new byte[4096];
        var length = 0;
        Message? hello = null;
        while (hello is null)
        {
            length += await socket.ReceiveAsync(received.AsMemory(length));
            var sequence = new ReadOnlySequence<byte>(received, 0, length);
            MessageCodec.TryRead(ref sequence, WireProtocol.DefaultMaxFrameBytes, out hello);
        }

        var answer = new HelloPayload(1, "silo", self.ToString(), null, null, "dev");
        await socket.SendAsync(MessageCodecTests.Encode(new Message { Kind = MessageKind.Hello, Body = answer.ToJson() }));
        return socket;
    }

    private static async Task DrainAsync(Socket socket)
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (await socket.ReceiveAsync(buffer) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The test closes the socket to end the drain.
        }
    }
}
