using System.Buffers;
using System.Text.Json;
using MindPeeker.Grains.Abstractions.Analysis;

namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// Writes the body of a <c>POST /v1/chat/completions</c> request for one analysis, exactly as OpenAI's API takes it:
/// model, system and user messages, <c>max_tokens</c>, <c>temperature</c> 0 and the structured-output
/// <c>response_format</c> (<c>json_schema</c> with <see cref="FindingSchema"/>, or <c>json_object</c>).
/// </summary>
internal static class ChatRequestBody
{
    public static byte[] Write(string model, AnalysisInput input, AiProviderOptions provider)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", model);
            writer.WriteStartArray("messages");
            WriteMessage(writer, "system", AnalysisPrompt.System(input.SessionType, input.AnalysisType, input.ConfidenceThreshold));
            WriteMessage(writer, "user", input.Cue);
            writer.WriteEndArray();
            writer.WriteNumber("max_tokens", provider.MaxOutputTokens);
            writer.WriteNumber("temperature", 0);
            writer.WriteStartObject("response_format");
            if (provider.ResponseFormat == "json_object")
            {
                writer.WriteString("type", "json_object");
            }
            else
            {
                writer.WriteString("type", "json_schema");
                writer.WriteStartObject("json_schema");
                writer.WriteString("name", FindingSchema.Name);
                writer.WriteBoolean("strict", false);
                writer.WritePropertyName("schema");
                FindingSchema.Schema.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMessage(Utf8JsonWriter writer, string role, string content)
    {
        writer.WriteStartObject();
        writer.WriteString("role", role);
        writer.WriteString("content", content);
        writer.WriteEndObject();
    }
}
