using System.Text.Json;
using MindPeeker.Grains.Abstractions.Analysis;

namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// Reads an OpenAI chat completion and validates its structured output against <see cref="FindingSchema"/>: the first
/// choice's message content must be a JSON object whose <c>findings</c> hold one for the requested analysis type, with a
/// finite confidence from 0 to 1 and an object as data. Anything else is a malformed answer, named in the failure.
/// </summary>
internal static class ChatAnswerReader
{
    public static ChatAnswer Read(ReadOnlyMemory<byte> body, string model, AnalysisInput input)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return ChatAnswer.Failed("malformed response (not JSON)");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
                || !choices[0].TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("content", out var contentElement) || contentElement.ValueKind != JsonValueKind.String)
            {
                return ChatAnswer.Failed("malformed response (no choices[0].message.content)");
            }

            long? tokens = root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
                && usage.TryGetProperty("total_tokens", out var total) && total.TryGetInt64(out var count) ? count : null;
            if (choices[0].TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String && finish.GetString() == "length")
            {
                return ChatAnswer.Failed("malformed output (cut off at max_tokens)", tokens);
            }

            var version = root.TryGetProperty("model", out var served) && served.ValueKind == JsonValueKind.String && served.GetString() is { Length: > 0 } name
                ? name
                : model;
            // analysis_results keeps model_name varchar(100) and model_version varchar(50).
            return ReadContent(contentElement.GetString()!, new ModelInfo(Cut(model, 100), Cut(version, 50)), input, tokens);
        }
    }

    private static ChatAnswer ReadContent(string content, ModelInfo info, AnalysisInput input, long? tokens)
    {
        JsonDocument output;
        try
        {
            output = JsonDocument.Parse(StripCodeFence(content));
        }
        catch (JsonException)
        {
            return ChatAnswer.Failed("malformed output (content is not JSON)", tokens);
        }

        using (output)
        {
            if (output.RootElement.ValueKind != JsonValueKind.Object
                || !output.RootElement.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                return ChatAnswer.Failed("malformed output (no findings array)", tokens);
            }

            foreach (var item in findings.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("result_type", out var resultType) || resultType.ValueKind != JsonValueKind.String
                    || resultType.GetString() != input.AnalysisType)
                {
                    continue;
                }

                if (!item.TryGetProperty("confidence", out var confidenceElement) || confidenceElement.ValueKind != JsonValueKind.Number
                    || !confidenceElement.TryGetDouble(out var confidence) || !double.IsFinite(confidence) || confidence is < 0 or > 1)
                {
                    return ChatAnswer.Failed("malformed output (confidence is not a number from 0 to 1)", tokens);
                }

                if (!item.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                {
                    return ChatAnswer.Failed("malformed output (data is not an object)", tokens);
                }

                var score = Math.Round((decimal)confidence, 4, MidpointRounding.AwayFromZero);
                return ChatAnswer.Succeeded(
                    new AnalysisFinding(input.AnalysisType, score, score >= (decimal)input.ConfidenceThreshold, data.Clone(), info), tokens);
            }

            return ChatAnswer.Failed($"malformed output (no finding of result_type '{input.AnalysisType}')", tokens);
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Some models wrap JSON in a Markdown code fence even when asked not to; the fence is not part of the answer.</summary>
    private static string StripCodeFence(string content)
    {
        var text = content.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? text : text[(firstLineEnd + 1)..^3];
    }
}
