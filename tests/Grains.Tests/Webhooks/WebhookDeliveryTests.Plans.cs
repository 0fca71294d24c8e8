using MindPeeker.Grains.Webhooks;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>
/// The plans PostgreSQL caches for the outbox's success writes. Statements are prepared (Npgsql's automatic preparation),
/// and a prepared statement keeps the generic plan made on its first executions, on a fresh database while the table is
/// small; a plan that reads every pending row (or the whole table) per batch then makes each write as slow as the
/// outbox is long.
/// </summary>
public sealed partial class WebhookDeliveryTests
{
    [Theory]
    [InlineData("record", "timestamptz, uuid[], int[], int[], int")]
    [InlineData("record and claim", "uuid, timestamptz, uuid[], int, timestamptz, uuid[], int[], int[], int")]
    public async Task The_success_write_finds_each_delivery_by_primary_key_in_the_plan_cached_on_a_fresh_table(string statement, string types)
    {
        var sql = statement == "record" ? WebhookDeliveryTable.RecordSucceededOnly : WebhookDeliveryTable.RecordSucceededAndClaimDue;
        var arguments = string.Join(", ", types.Split(", ").Select(_ => "NULL"));
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await using (var prepare = connection.CreateCommand())
        {
            prepare.CommandText = $"SET plan_cache_mode = force_generic_plan; PREPARE success_write ({types}) AS {sql}";
            await prepare.ExecuteNonQueryAsync();
        }

        var plan = new List<string>();
        await using (var explain = connection.CreateCommand())
        {
            explain.CommandText = $"EXPLAIN EXECUTE success_write ({arguments})";
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join('\n', plan);
        text.Should().Contain("Index Scan using webhook_deliveries_pkey on webhook_deliveries d", "each delivery is looked up by its id");
        text.Should().NotContain("Seq Scan on webhook_deliveries").And.NotContain("Hash", "no batch reads rows it does not write");
    }
}
