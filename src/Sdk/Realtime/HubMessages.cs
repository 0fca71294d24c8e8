namespace MindPeeker.Sdk.Realtime;

/// <summary>The SignalR JSON hub protocol's framing and message types (protocol version 1).</summary>
internal static class HubMessages
{
    /// <summary>Every JSON message ends with the ASCII record separator 0x1E.</summary>
    public const char RecordSeparator = '\u001e';

    public const string Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e";

    public const string Ping = "{\"type\":6}\u001e";

    public const int Invocation = 1;
    public const int StreamItem = 2;
    public const int Completion = 3;
    public const int PingType = 6;
    public const int Close = 7;
}
