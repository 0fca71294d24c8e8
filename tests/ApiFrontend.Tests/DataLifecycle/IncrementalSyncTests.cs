using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;

namespace MindPeeker.ApiFrontend.Tests.DataLifecycle;

public sealed class IncrementalSyncTests(DataLifecycleFixture fixture) : IClassFixture<DataLifecycleFixture>
{
    private const string Epoch = "1970-01-01T00:00:00Z";

    [Fact]
    public async Task Paging_webhooks_by_updated_since_while_rows_change_between_pages_loses_no_row_and_shows_every_change()
    {
        var owner = await fixture.RegisterAsync("sync-webhooks");
        using var client = fixture.ClientFor(owner);
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await DataLifecycleFixture.CreateWebhookAsync(client, $"v0-{i}"));
        }

        var latest = new Dictionary<Guid, string>();
        var lastChange = new Dictionary<Guid, int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await SyncPageAsync(client, "/v1/webhooks", Epoch, limit: 3, cursor);
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                latest[item.GetProperty("id").GetGuid()] = item.GetProperty("description").GetString()!;
            }

            // Between pages: change one row already read (it must come back) and one not read yet (it must not be lost).
            pages++;
            cursor = page.GetProperty("has_more").GetBoolean() ? page.GetProperty("next_cursor").GetString() : null;
            if (cursor is not null)
            {
                foreach (var (id, label) in new[] { (ids[(pages - 1) % ids.Count], "read"), (ids[^(1 + (pages % ids.Count))], "unread") })
                {
                    await PatchDescriptionAsync(client, id, $"v{pages}-{label}");
                    lastChange[id] = pages;
                }
            }
        }
        while (cursor is not null && pages < 50);

        pages.Should().BeGreaterThan(3, "the rows changed during the sync made it read more pages");
        latest.Keys.Should().BeEquivalentTo(ids, "no row is skipped by a cursor while rows change");
        var current = (await SyncAllAsync(client, "/v1/webhooks", Epoch))
            .ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("description").GetString());
        current.Keys.Should().BeEquivalentTo(ids);
        lastChange.Should().NotBeEmpty();
        foreach (var id in lastChange.Keys)
        {
            latest[id].Should().Be(current[id], "a row changed during the sync shows up again with its change");
        }
    }

    [Fact]
    public async Task Concurrent_session_updates_during_a_sync_never_lose_a_session()
    {
        var owner = await fixture.RegisterAsync("sync-sessions");
        using var client = fixture.ClientFor(owner);
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var id = (await SessionRequests.CreateAsync(client, SessionRequests.Body(cue: $"Where is item {i}?"))).GetProperty("id").GetGuid();
            await SessionRequests.CompletedAsync(client, fixture.Updates, id);
            ids.Add(id);
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            using var writerClient = fixture.ClientFor(owner);
            var round = 0;
            while (!stop.IsCancellationRequested)
            {
                var id = ids[round++ % ids.Count];
                using var patch = await writerClient.PatchAsJsonAsync($"/v1/sessions/{id}", new { metadata = new { round } });
                patch.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            return round;
        });

        var seen = new HashSet<Guid>();
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var item in await SyncAllAsync(client, "/v1/sessions", Epoch, limit: 2))
            {
                seen.Add(item.GetProperty("id").GetGuid());
            }

            seen.Should().BeEquivalentTo(ids, $"pass {pass} must see every session while they are being updated");
            seen.Clear();
        }

        await stop.CancelAsync();
        (await writer).Should().BeGreaterThan(0, "the writer really updated sessions during the sync");
    }

    [Fact]
    public async Task Sync_pages_are_ordered_by_updated_at_and_carry_tombstones_of_deleted_sessions_webhooks_and_revoked_keys()
    {
        var owner = await fixture.RegisterAsync("sync-tombstones");
        using var client = fixture.ClientFor(owner);
        var kept = await DataLifecycleFixture.CreateWebhookAsync(client, "kept");
        var dropped = await DataLifecycleFixture.CreateWebhookAsync(client, "dropped");
        var session = (await SessionRequests.CreateAsync(client)).GetProperty("id").GetGuid();
        await SessionRequests.CompletedAsync(client, fixture.Updates, session);
        using var createKey = await client.PostAsJsonAsync("/v1/api-keys", new { name = "k", permissions = new[] { new { resource = "sessions", actions = new[] { "read" } } } });
        var keyId = (await TestAccounts.ReadDataAsync(createKey, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");

        (await client.DeleteAsync($"/v1/webhooks/{dropped}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.DeleteAsync($"/v1/sessions/{session}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.DeleteAsync($"/v1/api-keys/{keyId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var webhooks = await SyncPageAsync(client, "/v1/webhooks", since, 100, null, includeDeleted: true);
        Ids(webhooks, "items").Should().Equal(kept);
        Ids(webhooks, "deleted").Should().Equal(dropped);
        webhooks.GetProperty("deleted")[0].GetProperty("deleted_at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var sessions = await SyncPageAsync(client, "/v1/sessions", since, 100, null, includeDeleted: true);
        Ids(sessions, "items").Should().BeEmpty();
        Ids(sessions, "deleted").Should().Equal(session);
        var keys = await SyncPageAsync(client, "/v1/api-keys", since, 100, null, includeDeleted: true);
        Ids(keys, "deleted").Should().Equal(keyId);
        var withoutTombstones = await SyncPageAsync(client, "/v1/webhooks", since, 100, null);
        withoutTombstones.GetProperty("deleted").GetArrayLength().Should().Be(0, "tombstones are only sent when asked for");

        var plain = await DataLifecycleFixture.GetDataAsync(client, "/v1/webhooks");
        plain.GetProperty("next_cursor").ValueKind.Should().Be(JsonValueKind.Null, "without updated_since the list answers as before");
    }

    [Fact]
    public async Task Integrations_and_deliveries_answer_updated_since_too()
    {
        var owner = await fixture.RegisterAsync("sync-others");
        using var client = fixture.ClientFor(owner);
        var webhook = await DataLifecycleFixture.CreateWebhookAsync(client, "with deliveries");

        var integrations = await SyncPageAsync(client, "/v1/integrations", Epoch, 100, null, includeDeleted: true);
        integrations.GetProperty("items").GetArrayLength().Should().Be(0);
        var deliveries = await SyncPageAsync(client, $"/v1/webhooks/{webhook}/deliveries", Epoch, 100, null);
        deliveries.GetProperty("has_more").GetBoolean().Should().BeFalse();

        var stranger = await fixture.RegisterAsync("sync-stranger");
        using var strangerClient = fixture.ClientFor(stranger);
        using var foreign = await strangerClient.GetAsync(new Uri($"/v1/webhooks/{webhook}/deliveries?updated_since={Epoch}", UriKind.Relative));
        await SessionRequests.ReadProblemAsync(foreign, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("updated_since=2026-01-01", "updated_since")]
    [InlineData("updated_since=1970-01-01T00:00:00Z&starting_after=3f2504e0-4f89-11d3-9a0c-0305e82c3301", "starting_after")]
    [InlineData("updated_since=1970-01-01T00:00:00Z&starting_after=s1_garbage", "starting_after")]
    [InlineData("updated_since=1970-01-01T00:00:00Z&include_deleted=maybe", "include_deleted")]
    [InlineData("updated_since=1970-01-01T00:00:00Z&status=done", "status")]
    public async Task An_invalid_sync_query_answers_400_naming_the_parameter(string query, string field)
    {
        var owner = await fixture.RegisterAsync("sync-invalid");
        using var client = fixture.ClientFor(owner);

        using var response = await client.GetAsync(new Uri($"/v1/sessions?{query}", UriKind.Relative));

        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        SessionRequests.ErrorFields(problem).Should().Equal(field);
    }

    private static async Task PatchDescriptionAsync(HttpClient client, Guid id, string description)
    {
        using var response = await client.PatchAsJsonAsync($"/v1/webhooks/{id}", new { description });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<JsonElement> SyncPageAsync(HttpClient client, string path, string since, int limit, string? cursor, bool includeDeleted = false)
    {
        var query = $"{path}?updated_since={Uri.EscapeDataString(since)}&limit={limit}"
            + (cursor is null ? string.Empty : $"&starting_after={Uri.EscapeDataString(cursor)}")
            + (includeDeleted ? "&include_deleted=true" : string.Empty);
        return await DataLifecycleFixture.GetDataAsync(client, query);
    }

    private static async Task<List<JsonElement>> SyncAllAsync(HttpClient client, string path, string since, int limit = 100)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await SyncPageAsync(client, path, since, limit, cursor);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (items.Count > 0 && items[0].TryGetProperty("updated_at", out _))
            {
                items.Select(i => i.GetProperty("updated_at").GetDateTimeOffset()).Should().BeInAscendingOrder("sync pages are ordered by updated_at");
            }

            all.AddRange(items);
            cursor = page.GetProperty("has_more").GetBoolean() ? page.GetProperty("next_cursor").GetString() : null;
        }
        while (cursor is not null);

        return all;
    }

    private static IEnumerable<Guid> Ids(JsonElement page, string member) =>
        page.GetProperty(member).EnumerateArray().Select(e => e.GetProperty("id").GetGuid());
}
