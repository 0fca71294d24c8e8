using System.Text.Json;
using Npgsql;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>One silo as <c>GET /v1/admin/runtime</c> reports it.</summary>
internal sealed record SiloView(string SiloName, string Status, IReadOnlyList<string> Roles, IReadOnlyDictionary<string, int> ActivationsByGrainType)
{
    /// <summary>Activations of <paramref name="grainType"/> (the runtime's grain type name, e.g. <c>session</c>, <c>analysisworker</c>).</summary>
    public int Activations(string grainType) => ActivationsByGrainType.GetValueOrDefault(grainType);

    public override string ToString() =>
        $"{SiloName} [{string.Join(",", Roles)}] {Status}: {string.Join(", ", ActivationsByGrainType.Select(p => $"{p.Key}={p.Value}"))}";
}

/// <summary>The operator's views of the cluster: the admin runtime endpoint and the membership table.</summary>
internal static class ClusterView
{
    /// <summary><c>GET /v1/admin/runtime</c> through <paramref name="frontEnd"/> as <paramref name="admin"/>: every silo the front end sees.</summary>
    public static async Task<IReadOnlyList<SiloView>> RuntimeAsync(HttpClient http, Uri frontEnd, ApiUser admin)
    {
        var data = await ApiUser.SendAsync(http, admin.GetWithToken(frontEnd, "/v1/admin/runtime"));
        return data.GetProperty("silos").EnumerateArray().Select(s => new SiloView(
            s.GetProperty("silo_name").GetString()!,
            s.GetProperty("status").GetString()!,
            s.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToList(),
            s.GetProperty("activations_by_grain_type").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())))
            .ToList();
    }

    /// <summary>The <c>cluster_membership</c> status of every row of <paramref name="clusterId"/> named <paramref name="siloName"/> (one per generation).</summary>
    public static async Task<IReadOnlyList<int>> MembershipStatusesAsync(NpgsqlDataSource database, string clusterId, string siloName)
    {
        await using var command = database.CreateCommand("SELECT status FROM cluster_membership WHERE cluster_id = $1 AND silo_name = $2 ORDER BY generation");
        command.Parameters.AddWithValue(clusterId);
        command.Parameters.AddWithValue(siloName);
        var statuses = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetInt16(0));
        }

        return statuses;
    }

    /// <summary>Whether <paramref name="body"/> is a problem+json document with a title (what a client can show).</summary>
    public static bool IsProblem(string? mediaType, string body)
    {
        if (mediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
