using System.Buffers;
using System.Text;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Tests.Messaging;

public sealed class MessageCodecTests
{
    private const int Limit = WireProtocol.DefaultMaxFrameBytes;

    public static TheoryData<string> Messages => new() { "full", "nulls", "empty", "unicode" };

    [Theory]
    [MemberData(nameof(Messages))]
    public void RoundTrip_PreservesEveryField(string name)
    {
        var original = Sample(name);

        var parsed = ReadSingle(Encode(original));

        AssertSame(original, parsed);
    }

    [Fact]
    public void TryRead_FrameSplitAtEveryByteBoundary_ParsesTheSameMessage()
    {
        var original = Sample("unicode");
        var frame = Encode(original);

        for (var cut = 0; cut <= frame.Length; cut++)
        {
            var sequence = SequenceOf(frame[..cut], frame[cut..]);
            MessageCodec.TryRead(ref sequence, Limit, out var parsed).Should().BeTrue($"the whole frame is there when cut at {cut}");
            AssertSame(original, parsed!);
            sequence.Length.Should().Be(0);
        }
    }

    [Fact]
    public void TryRead_FrameInOneByteSegments_ParsesTheSameMessage()
    {
        var original = Sample("full");
        var frame = Encode(original);

        var sequence = SequenceOf(frame.Select(b => new[] { b }).ToArray());

        MessageCodec.TryRead(ref sequence, Limit, out var parsed).Should().BeTrue();
        AssertSame(original, parsed!);
    }

    [Fact]
    public void TryRead_IncompleteFrame_AsksForMoreWithoutConsuming()
    {
        var frame = Encode(Sample("full"));

        for (var length = 0; length < frame.Length; length++)
        {
            var sequence = new ReadOnlySequence<byte>(frame, 0, length);
            MessageCodec.TryRead(ref sequence, Limit, out _).Should().BeFalse();
            sequence.Length.Should().Be(length);
        }
    }

    [Fact]
    public void TryRead_TwoFramesInOneBuffer_ReadsBothInOrder()
    {
        var first = Sample("full");
        var second = Sample("nulls");
        var sequence = new ReadOnlySequence<byte>([.. Encode(first), .. Encode(second)]);

        MessageCodec.TryRead(ref sequence, Limit, out var a).Should().BeTrue();
        MessageCodec.TryRead(ref sequence, Limit, out var b).Should().BeTrue();

        AssertSame(first, a!);
        AssertSame(second, b!);
        MessageCodec.TryRead(ref sequence, Limit, out _).Should().BeFalse();
    }

    [Fact]
    public void TryRead_FrameOverTheLimit_FailsNamingSizeAndLimit()
    {
        var frame = Encode(new Message { Kind = MessageKind.Request, Body = new byte[500] });
        var sequence = new ReadOnlySequence<byte>(frame, 0, 5);

        var read = () => MessageCodec.TryRead(ref sequence, 256, out _);

        read.Should().Throw<WireProtocolException>().WithMessage($"*{frame.Length} bytes*limit is 256 bytes*");
    }

    [Fact]
    public void TryRead_UnknownProtocolVersion_FailsNamingBothVersions()
    {
        var frame = Encode(Sample("full"));
        frame[4] = 2;
        var sequence = new ReadOnlySequence<byte>(frame);

        var read = () => MessageCodec.TryRead(ref sequence, Limit, out _);

        read.Should().Throw<WireProtocolException>().WithMessage("*protocol version 2*speaks protocol version 1*");
    }

    [Fact]
    public void TryRead_UnknownKind_IsAProtocolError()
    {
        var frame = Encode(Sample("full"));
        frame[5] = 99;
        var sequence = new ReadOnlySequence<byte>(frame);

        var read = () => MessageCodec.TryRead(ref sequence, Limit, out _);

        read.Should().Throw<WireProtocolException>().WithMessage("*unknown kind 99*");
    }

    [Fact]
    public void TryRead_StringLengthPastTheFrame_IsAProtocolError()
    {
        var frame = Encode(new Message { Kind = MessageKind.Request, TargetGrain = "a" });
        BitConverter.TryWriteBytes(frame.AsSpan(WireProtocol.FixedHeaderBytes), 1000);
        var sequence = new ReadOnlySequence<byte>(frame);

        var read = () => MessageCodec.TryRead(ref sequence, Limit, out _);

        read.Should().Throw<WireProtocolException>().WithMessage("*string length of 1000*");
    }

    [Fact]
    public void Write_MessageOverTheLimit_RefusesWithoutWritingAnything()
    {
        var output = new ArrayBufferWriter<byte>();

        var write = () => MessageCodec.Write(output, new Message { Kind = MessageKind.Request, Body = new byte[1000] }, 512);

        write.Should().Throw<WireProtocolException>().WithMessage("*exceeds the 512-byte frame limit*");
        output.WrittenCount.Should().Be(0);
    }

    [Fact]
    public void Write_HeaderLayout_MatchesTheDocumentedExample()
    {
        // The worked example of docs/wire-protocol.md, byte for byte.
        var message = new Message
        {
            Kind = MessageKind.Request,
            Id = 7,
            MethodId = 2,
            TimeToLiveMilliseconds = 30000,
            TargetActivation = Guid.Empty,
            TargetGrain = "counter/a",
            InterfaceName = "ICounter",
            MethodName = "Add",
            Body = "[5]"u8.ToArray(),
        };

        var hex = Convert.ToHexString(Encode(message));

        hex.Should().Be(
            "4F000000" + "01" + "02" + "0700000000000000" + "00" + "02000000" + "30750000" + "00"
            + "00000000000000000000000000000000"
            + "09000000" + "636F756E7465722F61"
            + "08000000" + "49436F756E746572"
            + "03000000" + "416464"
            + "00000000"
            + "5B355D");
    }

    internal static byte[] Encode(Message message)
    {
        var output = new ArrayBufferWriter<byte>();
        MessageCodec.Write(output, message, Limit);
        output.WrittenCount.Should().Be((int)MessageCodec.GetFrameLength(message));
        return output.WrittenSpan.ToArray();
    }

    private static Message ReadSingle(byte[] frame)
    {
        var sequence = new ReadOnlySequence<byte>(frame);
        MessageCodec.TryRead(ref sequence, Limit, out var message).Should().BeTrue();
        sequence.Length.Should().Be(0);
        return message!;
    }

    private static Message Sample(string name) => name switch
    {
        "full" => new Message
        {
            Kind = MessageKind.Request,
            Id = long.MaxValue - 3,
            Status = ResponseStatus.NotHere,
            TargetGrain = "session/42",
            InterfaceName = "MindPeeker.Grains.ISessionGrain",
            MethodId = -17,
            MethodName = "Submit",
            TimeToLiveMilliseconds = 29_999,
            ForwardCount = 255,
            TargetActivation = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"),
            RequestContext = """{"traceparent":"00-abc"}"""u8.ToArray(),
            Body = """[1,"two",{"three":3}]"""u8.ToArray(),
        },
        "nulls" => new Message { Kind = MessageKind.Response, Id = 1, Status = ResponseStatus.UnknownMethod },
        "empty" => new Message { Kind = MessageKind.OneWay, TargetGrain = string.Empty, InterfaceName = string.Empty, MethodName = string.Empty },
        _ => new Message
        {
            Kind = MessageKind.Request,
            Id = 9,
            TargetGrain = "séance/日本語-🙂",
            InterfaceName = "IΩ",
            MethodName = "Grüße",
            Body = Encoding.UTF8.GetBytes("\"こんにちは 🌍\""),
        },
    };

    private static void AssertSame(Message expected, Message actual)
    {
        actual.Kind.Should().Be(expected.Kind);
        actual.Id.Should().Be(expected.Id);
        actual.Status.Should().Be(expected.Status);
        actual.TargetGrain.Should().Be(expected.TargetGrain);
        actual.InterfaceName.Should().Be(expected.InterfaceName);
        actual.MethodId.Should().Be(expected.MethodId);
        actual.MethodName.Should().Be(expected.MethodName);
        actual.TimeToLiveMilliseconds.Should().Be(expected.TimeToLiveMilliseconds);
        actual.ForwardCount.Should().Be(expected.ForwardCount);
        actual.TargetActivation.Should().Be(expected.TargetActivation);
        actual.RequestContext.ToArray().Should().Equal(expected.RequestContext.ToArray());
        actual.Body.ToArray().Should().Equal(expected.Body.ToArray());
    }

    private static ReadOnlySequence<byte> SequenceOf(params byte[][] parts)
    {
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(part);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
