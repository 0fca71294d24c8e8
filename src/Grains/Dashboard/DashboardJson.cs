using System.Text.Json;

namespace MindPeeker.Grains.Dashboard;

/// <summary>The JSON the silo's dashboard handlers answer in: snake_case, as the front end's API speaks.</summary>
internal static class DashboardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static JsonElement Serialize<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>The integer property <paramref name="name"/> of an object argument, clamped to [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="fallback"/> when absent.</summary>
    public static int Int(JsonElement argument, string name, int fallback, int min, int max) =>
        argument.ValueKind == JsonValueKind.Object && argument.TryGetProperty(name, out var value) && value.TryGetInt32(out var number)
            ? Math.Clamp(number, min, max)
            : fallback;
}
