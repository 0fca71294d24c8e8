using System.Text.Json;

namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>
/// An event to publish to a user's endpoints: its <see cref="Type"/> (<see cref="WebhookEventTypes"/>) and
/// <see cref="Data"/>, the body's <c>data</c> object. The publisher assigns the id and timestamp.
/// </summary>
public sealed record WebhookEvent(string Type, JsonElement Data)
{
    /// <summary>An event whose <c>data</c> is <paramref name="data"/> serialized with snake_case names.</summary>
    public static WebhookEvent Of<T>(string type, T data) =>
        new(type, JsonSerializer.SerializeToElement(data, SnakeCase));

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
