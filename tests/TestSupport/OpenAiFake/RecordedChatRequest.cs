using System.Text.Json;

namespace MindPeeker.TestSupport.OpenAiFake;

/// <summary>One <c>POST /v1/chat/completions</c> the fake received: what a test asserts on.</summary>
/// <param name="Model">The request's <c>model</c>.</param>
/// <param name="Messages">The <c>messages</c> as (role, content) pairs, in order.</param>
/// <param name="Authorization">The <c>Authorization</c> header as sent (e.g. <c>Bearer sk-...</c>), or null.</param>
/// <param name="ResponseFormatType">The <c>response_format.type</c> (<c>json_schema</c>, <c>json_object</c>), or null.</param>
/// <param name="Body">The raw request body.</param>
public sealed record RecordedChatRequest(
    string Model,
    IReadOnlyList<(string Role, string Content)> Messages,
    string? Authorization,
    string? ResponseFormatType,
    byte[] Body)
{
    /// <summary>The body as a JSON document (caller disposes).</summary>
    public JsonDocument ParseBody() => JsonDocument.Parse(Body);
}
