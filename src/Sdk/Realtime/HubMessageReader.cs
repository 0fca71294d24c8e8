using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace MindPeeker.Sdk.Realtime;

/// <summary>
/// Reads JSON hub-protocol messages off a WebSocket: one WebSocket message may hold several records and one
/// record may span several WebSocket frames, so records are cut at each 0x1E. Not thread safe (one reader).
/// </summary>
internal sealed class HubMessageReader(WebSocket socket)
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly byte[] _chunk = new byte[16 * 1024];

    /// <summary>The next message, or null when the server closed the socket.</summary>
    public async Task<JsonDocument?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var separator = _buffer.WrittenSpan.IndexOf((byte)HubMessages.RecordSeparator);
            if (separator >= 0)
            {
                var document = JsonDocument.Parse(_buffer.WrittenSpan[..separator].ToArray());
                var rest = _buffer.WrittenSpan[(separator + 1)..].ToArray();
                _buffer.ResetWrittenCount();
                _buffer.Write(rest);
                return document;
            }

            var received = await socket.ReceiveAsync(_chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Write(_chunk.AsSpan(0, received.Count));
        }
    }
}
