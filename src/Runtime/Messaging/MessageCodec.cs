using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// Reads and writes <see cref="Message"/> frames in the version 1 layout of docs/wire-protocol.md.
/// Stateless and thread-safe. On the hot path of every remote call: the header is written straight
/// into the output buffer, and a parsed message's request context and body share one array that is the
/// only copy made of them.
/// </summary>
internal static class MessageCodec
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Bytes the frame for <paramref name="message"/> takes, length prefix included.</summary>
    public static long GetFrameLength(Message message) =>
        (long)WireProtocol.MinimumFrameBytes
        + ByteCount(message.TargetGrain)
        + ByteCount(message.InterfaceName)
        + ByteCount(message.MethodName)
        + message.RequestContext.Length
        + message.Body.Length;

    /// <summary>
    /// Writes one frame. Throws <see cref="WireProtocolException"/> without writing anything when the frame
    /// would exceed <paramref name="maxFrameBytes"/>, so the peer never sees a frame it must reject.
    /// </summary>
    public static void Write(IBufferWriter<byte> output, Message message, int maxFrameBytes)
    {
        if (message.ForwardCount is < 0 or > WireProtocol.MaxForwardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(message), message.ForwardCount, "ForwardCount must be between 0 and 255.");
        }

        var total = GetFrameLength(message);
        if (total > maxFrameBytes)
        {
            throw new WireProtocolException($"A {message.Kind} frame of {total} bytes exceeds the {maxFrameBytes}-byte frame limit; it was not sent.");
        }

        var headerLength = (int)total - message.Body.Length;
        var span = output.GetSpan(headerLength);
        BinaryPrimitives.WriteInt32LittleEndian(span, (int)total);
        span[4] = WireProtocol.Version;
        span[5] = (byte)message.Kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[6..], message.Id);
        span[14] = (byte)message.Status;
        BinaryPrimitives.WriteInt32LittleEndian(span[15..], message.MethodId);
        BinaryPrimitives.WriteInt32LittleEndian(span[19..], message.TimeToLiveMilliseconds);
        span[23] = (byte)message.ForwardCount;
        message.TargetActivation.TryWriteBytes(span.Slice(24, 16), bigEndian: true, out _);
        var position = WireProtocol.FixedHeaderBytes;
        position += WriteString(span[position..], message.TargetGrain);
        position += WriteString(span[position..], message.InterfaceName);
        position += WriteString(span[position..], message.MethodName);
        BinaryPrimitives.WriteInt32LittleEndian(span[position..], message.RequestContext.Length);
        message.RequestContext.Span.CopyTo(span[(position + 4)..]);
        output.Advance(headerLength);
        if (!message.Body.IsEmpty)
        {
            output.Write(message.Body.Span);
        }
    }

    /// <summary>
    /// Parses the first complete frame of <paramref name="buffer"/> and slices it off. False when more
    /// bytes are needed. Throws <see cref="WireProtocolException"/> for an unknown protocol version, a frame
    /// over <paramref name="maxFrameBytes"/>, or a malformed frame; the connection cannot continue after that.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxFrameBytes, [NotNullWhen(true)] out Message? message)
    {
        message = null;
        if (buffer.Length < 5)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[5];
        buffer.Slice(0, 5).CopyTo(prefix);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        var version = prefix[4];
        if (version != WireProtocol.Version)
        {
            throw new WireProtocolException($"The peer sent a frame of protocol version {version}; this process speaks protocol version {WireProtocol.Version}.");
        }

        if (length > maxFrameBytes)
        {
            throw new WireProtocolException($"The peer sent a frame of {length} bytes; the limit is {maxFrameBytes} bytes (Silo:Transport:MaxFrameBytes).");
        }

        if (length < WireProtocol.MinimumFrameBytes)
        {
            throw new WireProtocolException($"The peer sent a frame of {length} bytes; a version {WireProtocol.Version} frame has at least {WireProtocol.MinimumFrameBytes}.");
        }

        if (buffer.Length < length)
        {
            return false;
        }

        message = Parse(buffer.Slice(0, length));
        buffer = buffer.Slice(length);
        return true;
    }

    private static Message Parse(ReadOnlySequence<byte> frame)
    {
        var reader = new SequenceReader<byte>(frame);
        reader.Advance(5);
        reader.TryRead(out var kind);
        if (kind is < (byte)MessageKind.Hello or > (byte)MessageKind.Goodbye)
        {
            throw new WireProtocolException($"The peer sent a frame of unknown kind {kind}.");
        }

        reader.TryReadLittleEndian(out long id);
        reader.TryRead(out var status);
        reader.TryReadLittleEndian(out int methodId);
        reader.TryReadLittleEndian(out int timeToLive);
        reader.TryRead(out var forwardCount);
        Span<byte> activation = stackalloc byte[16];
        reader.TryCopyTo(activation);
        reader.Advance(16);

        var message = new Message
        {
            Kind = (MessageKind)kind,
            Id = id,
            Status = (ResponseStatus)status,
            MethodId = methodId,
            TimeToLiveMilliseconds = timeToLive,
            ForwardCount = forwardCount,
            TargetActivation = new Guid(activation, bigEndian: true),
            TargetGrain = ReadString(ref reader),
            InterfaceName = ReadString(ref reader),
            MethodName = ReadString(ref reader),
        };

        reader.TryReadLittleEndian(out int contextLength);
        if (contextLength < 0 || contextLength > reader.Remaining)
        {
            throw new WireProtocolException($"The peer sent a request context length of {contextLength} in a frame with {reader.Remaining} bytes left.");
        }

        if (reader.Remaining > 0)
        {
            var payload = new byte[reader.Remaining];
            reader.UnreadSequence.CopyTo(payload);
            message.RequestContext = payload.AsMemory(0, contextLength);
            message.Body = payload.AsMemory(contextLength);
        }

        return message;
    }

    private static string? ReadString(ref SequenceReader<byte> reader)
    {
        if (!reader.TryReadLittleEndian(out int length))
        {
            throw new WireProtocolException("The peer sent a frame that ends inside its string headers.");
        }

        if (length == WireProtocol.NullLength)
        {
            return null;
        }

        if (length < 0 || length > reader.Remaining)
        {
            throw new WireProtocolException($"The peer sent a string length of {length} in a frame with {reader.Remaining} bytes left.");
        }

        try
        {
            var value = reader.UnreadSpan.Length >= length
                ? Utf8.GetString(reader.UnreadSpan[..length])
                : Utf8.GetString(reader.UnreadSequence.Slice(0, length));
            reader.Advance(length);
            return value;
        }
        catch (DecoderFallbackException exception)
        {
            throw new WireProtocolException("The peer sent a header string that is not valid UTF-8.", exception);
        }
    }

    private static int ByteCount(string? value) => value is null ? 0 : Utf8.GetByteCount(value);

    private static int WriteString(Span<byte> destination, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(destination, WireProtocol.NullLength);
            return 4;
        }

        var written = Utf8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, written);
        return 4 + written;
    }
}
