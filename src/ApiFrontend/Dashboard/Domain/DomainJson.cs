using System.Text.Json;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>The silos' dashboard handlers answer snake_case JSON; this reads it.</summary>
internal static class DomainJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static JsonElement Argument(object value) => JsonSerializer.SerializeToElement(value, Options);

    public static T? Read<T>(JsonElement element) => element.Deserialize<T>(Options);
}
