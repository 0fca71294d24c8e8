using System.Text.Json;

namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// The structured output asked of provider models: <c>{"findings": [{"result_type", "confidence" (0–1), "data" (object)}]}</c>,
/// as a JSON schema for <c>response_format</c>.
/// </summary>
internal static class FindingSchema
{
    public const string Name = "mindpeeker_findings";

    /// <summary>The JSON schema document (an object; never modified).</summary>
    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "findings": {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "object",
                "properties": {
                  "result_type": { "type": "string", "minLength": 1 },
                  "confidence": { "type": "number", "minimum": 0, "maximum": 1 },
                  "data": { "type": "object" }
                },
                "required": ["result_type", "confidence", "data"]
              }
            }
          },
          "required": ["findings"]
        }
        """).RootElement.Clone();
}
