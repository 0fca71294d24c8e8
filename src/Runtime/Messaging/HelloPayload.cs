using System.Text.Json;
using System.Text.Json.Serialization;

namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// Body of a <see cref="MessageKind.Hello"/> frame (docs/wire-protocol.md, "Handshake"). <see cref="Silo"/> is
/// the sender's own address (null for a client); <see cref="Target"/> is the silo the connecting side expects
/// to reach (null when it does not know the generation, as a client dialling a gateway).
/// </summary>
internal sealed record HelloPayload(
    [property: JsonPropertyName("protocol")] int Protocol,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("silo")] string? Silo,
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("clientId")] string? ClientId,
    [property: JsonPropertyName("clusterId")] string ClusterId)
{
    public const string SiloKind = "silo";
    public const string ClientKind = "client";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, HelloJsonContext.Default.HelloPayload);

    public static HelloPayload Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json.Span, HelloJsonContext.Default.HelloPayload)
                ?? throw new WireProtocolException("The peer sent an empty Hello.");
        }
        catch (JsonException exception)
        {
            throw new WireProtocolException("The peer sent a Hello whose body is not the expected JSON object.", exception);
        }
    }
}

[JsonSerializable(typeof(HelloPayload))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
internal sealed partial class HelloJsonContext : JsonSerializerContext;
