using System.Text.Json;

namespace MindPeeker.Runtime.Logging;

/// <summary>The JSON of the log tail on the wire (silo control answers, the dashboard API): snake_case.</summary>
public static class LogTailJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
