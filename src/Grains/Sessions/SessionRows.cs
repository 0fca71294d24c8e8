using System.Text.Json;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Abstractions.Sessions;
using Npgsql;

namespace MindPeeker.Grains.Sessions;

/// <summary>Maps rows of the <see cref="SessionCatalogQueries"/> to the contract records.</summary>
internal static class SessionRows
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>A row of <see cref="SessionCatalogQueries.SessionColumns"/>.</summary>
    public static SessionSnapshot Session(NpgsqlDataReader reader) => new(
        Id: reader.GetGuid(0),
        UserId: reader.GetGuid(1),
        Cue: reader.GetString(2),
        SessionType: reader.GetString(3),
        Status: reader.GetString(4),
        Progress: reader.GetInt32(5),
        Parameters: JsonSerializer.Deserialize<SessionParameters>(reader.GetString(6), SnakeCase) ?? new SessionParameters(0, []),
        Metadata: reader.IsDBNull(7) ? null : Json(reader.GetString(7)),
        CreatedAt: reader.GetFieldValue<DateTimeOffset>(8),
        UpdatedAt: reader.GetFieldValue<DateTimeOffset>(9),
        StartedAt: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        CompletedAt: reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
        Error: reader.IsDBNull(12) ? null : reader.GetString(12),
        ResultCount: reader.GetInt32(13),
        LastSequence: reader.GetInt64(14));

    /// <summary>A row of <see cref="SessionCatalogQueries.Results"/>.</summary>
    public static SessionResult Result(NpgsqlDataReader reader) => new(
        Id: reader.GetGuid(0),
        SessionId: reader.GetGuid(1),
        ResultType: reader.GetString(2),
        ConfidenceScore: reader.GetDecimal(3),
        MeetsThreshold: reader.GetBoolean(4),
        Data: Json(reader.GetString(5)),
        Model: new ModelInfo(reader.GetString(6), reader.GetString(7)),
        CreatedAt: reader.GetFieldValue<DateTimeOffset>(8));

    /// <summary>A row of <see cref="SessionCatalogQueries.Events"/>.</summary>
    public static SessionUpdate Update(Guid sessionId, NpgsqlDataReader reader)
    {
        using var payload = JsonDocument.Parse(reader.GetString(4));
        var root = payload.RootElement;
        return new SessionUpdate(
            SessionId: sessionId,
            OwnerId: reader.GetGuid(6),
            Sequence: reader.GetInt64(0),
            Event: reader.GetString(1),
            Status: reader.GetString(2),
            Progress: reader.GetInt32(3),
            ResultCount: root.TryGetProperty("result_count", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : 0,
            Error: root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null,
            Timestamp: reader.GetFieldValue<DateTimeOffset>(5));
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
