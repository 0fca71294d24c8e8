using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MindPeeker.Benchmarks.Hosting;
using MindPeeker.Grains;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Identity;
using MindPeeker.Grains.Persistence;
using MindPeeker.Grains.Webhooks;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.Runtime;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.PostgreSql;
using Npgsql;

namespace MindPeeker.Benchmarks.WebhookThroughput;

/// <summary>
/// <c>webhook-throughput</c>: signed deliveries per second through the real path — publish into the PostgreSQL
/// outbox, endpoint grains (breaker, bulkhead, signing, SSRF-checked client), outcome written back — to a local
/// Kestrel receiver, against a baseline that only signs the same bodies and POSTs them with one
/// <see cref="HttpClient"/> at the same concurrency, in the same run. Target: ratio ≥ 0.5. A second phase measures the
/// delivery side alone: the outbox is filled first (the same publish statement, without waking anyone), then every
/// endpoint is woken and the drain to the receiver is timed (<c>drain_*</c>).
/// </summary>
internal static class WebhookThroughputScenario
{
    private const int Endpoints = 8;
    private const int Publishers = 16;

    /// <summary>Runs the scenario; <c>--per-endpoint N</c> overrides <c>Webhooks:MaxConcurrentDeliveriesPerEndpoint</c> (and the bulkhead).</summary>
    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup, string[] args)
    {
        var index = Array.IndexOf(args, "--per-endpoint");
        var perEndpoint = index >= 0 && index + 1 < args.Length ? args[index + 1] : "16";
        await using var database = await BenchmarkDatabase.CreateAsync();
        await using var receiver = await CountingReceiver.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Outbound:AllowLoopbackTargets"] = "true",
            ["Webhooks:MaxConcurrentDeliveriesPerEndpoint"] = perEndpoint,
            ["Resilience:Bulkheads:MaxConcurrent"] = perEndpoint,
            ["Integrations:Credentials:MasterKeys:1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        builder.Services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(database.ConnectionString));
        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(GrainsAssembly).Assembly);
            silo.AddPostgreSqlGrainStorage(GrainStorageNames.Default, options => options.ConnectionString = database.ConnectionString);
            silo.Services.AddSchemaMigrations(MindPeekerSchema.Migrations);
            silo.Services.AddIdentityGrains();
            silo.AddWebhooks();
        });
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var db = host.Services.GetRequiredService<NpgsqlDataSource>();
        var owner = await CreateUserAsync(db);
        var secret = WebhookSecret.Generate().Export();
        for (var i = 0; i < Endpoints; i++)
        {
            var created = await grains.GetGrain<IUserWebhooksGrain>(owner).Create(
                new WebhookEndpointRequest(receiver.Url.ToString(), [WebhookEventTypes.SessionCompleted], $"bench {i}", secret));
            if (created.Endpoint is null)
            {
                throw new InvalidOperationException("The benchmark endpoint was refused: " + string.Join(", ", created.Errors!.SelectMany(e => e.Value)));
            }
        }

        var concurrency = Endpoints * host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value.MaxConcurrentDeliveriesPerEndpoint;
        var events = (int)Math.Max(200, duration.TotalSeconds * 200);
        Console.WriteLine($"webhook-throughput: {Endpoints} endpoints, each event to all of them, {events} events ({events * Endpoints} deliveries), concurrency {concurrency}, {Environment.ProcessorCount} cores");

        var cpu = new DatabaseCpuMeter(db);
        // Each side warms up for the whole warm-up time, not for a fixed count: 500 events took about a second, and a
        // profile of the measured phase then found a fifth of its CPU in code not yet tiered up (the baseline runs last,
        // in a process long warm).
        await WarmUpAsync(warmup, () => RunOutboxAsync(grains, owner, receiver, cpu, 200));
        var outbox = await RunOutboxAsync(grains, owner, receiver, cpu, events);
        await WaitUntilRecordedAsync(db);
        var drain = await RunDrainAsync(grains, db, owner, receiver, cpu, events);
        await WaitUntilRecordedAsync(db);
        var signer = host.Services.GetRequiredService<StandardWebhookSigner>();
        await WarmUpAsync(warmup, () => RunBaselineAsync(signer, WebhookSecret.Parse(secret), receiver.Url, cpu, 2_000, concurrency));
        var baseline = await RunBaselineAsync(signer, WebhookSecret.Parse(secret), receiver.Url, cpu, events * Endpoints, concurrency);
        var succeeded = await CountAsync(db, "succeeded");
        var total = await CountAsync(db, null);
        await host.StopAsync();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  outbox + grains: {outbox.PerSecond:N0} deliveries/s (publish and deliver), {drain.PerSecond:N0} deliveries/s (drain a filled outbox); baseline sign + POST: {baseline.PerSecond:N0} deliveries/s; {succeeded}/{total} recorded succeeded"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU per delivery (this process + PostgreSQL backends): outbox {outbox.CpuMicroseconds:0.0} us ({outbox.DatabaseShare:P0} PostgreSQL), drain {drain.CpuMicroseconds:0.0} us ({drain.DatabaseShare:P0} PostgreSQL), baseline {baseline.CpuMicroseconds:0.0} us"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT webhook-throughput deliveries_per_sec={outbox.PerSecond:0} baseline_per_sec={baseline.PerSecond:0} ratio={outbox.PerSecond / baseline.PerSecond:0.00} drain_deliveries_per_sec={drain.PerSecond:0} drain_ratio={drain.PerSecond / baseline.PerSecond:0.00} cpu_us_per_delivery={outbox.CpuMicroseconds:0.0} drain_cpu_us_per_delivery={drain.CpuMicroseconds:0.0} baseline_cpu_us_per_delivery={baseline.CpuMicroseconds:0.0} cpu_ratio={baseline.CpuMicroseconds / outbox.CpuMicroseconds:0.00} drain_cpu_ratio={baseline.CpuMicroseconds / drain.CpuMicroseconds:0.00} endpoints={Endpoints} concurrency={concurrency} all_succeeded={succeeded == total}"));
        return succeeded == total ? 0 : 1;
    }

    /// <summary>Publishes <paramref name="events"/> events and times until the receiver got every delivery.</summary>
    private static async Task<PhaseResult> RunOutboxAsync(IGrainFactory grains, Guid owner, CountingReceiver receiver, DatabaseCpuMeter cpu, int events)
    {
        var arrived = receiver.WaitForMoreAsync((long)events * Endpoints);
        var publisher = grains.GetGrain<IWebhookPublisherGrain>(owner);
        var next = -1;
        var cpuBefore = await cpu.ReadAsync();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < events)
            {
                await publisher.Publish(WebhookEvent.Of(WebhookEventTypes.SessionCompleted, Data(next)));
            }
        }));
        var published = watch.Elapsed;
        await arrived.WaitAsync(TimeSpan.FromMinutes(10));
        var elapsed = watch.Elapsed;
        var used = await cpu.SinceAsync(cpuBefore);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  outbox: {events} events published in {published.TotalSeconds:0.00} s ({events / published.TotalSeconds:N0}/s), all delivered after {elapsed.TotalSeconds:0.00} s"));
        return PhaseResult.Of(events * Endpoints, elapsed, used);
    }

    /// <summary>
    /// Fills the outbox with <paramref name="events"/> events (the publish statement, no wake-up), then wakes every
    /// endpoint and times until the receiver got every delivery.
    /// </summary>
    private static async Task<PhaseResult> RunDrainAsync(IGrainFactory grains, NpgsqlDataSource db, Guid owner, CountingReceiver receiver, DatabaseCpuMeter cpu, int events)
    {
        // Counted from before the fill: an endpoint that wakes on its own meanwhile (its reminder, the outbox sweep) may
        // send some of these early, and the phase must still end when the receiver has every one.
        var arrived = receiver.WaitForMoreAsync((long)events * Endpoints);
        var endpoints = new HashSet<Guid>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < events)
            {
                var (_, targets) = await WebhookOutbox.PublishAsync(db, owner, WebhookEvent.Of(WebhookEventTypes.SessionCompleted, Data(next)), TimeProvider.System.GetUtcNow());
                lock (endpoints)
                {
                    endpoints.UnionWith(targets);
                }
            }
        }));
        var cpuBefore = await cpu.ReadAsync();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(endpoints.Select(id => grains.GetGrain<IWebhookEndpointGrain>(id).Poke()));
        await arrived.WaitAsync(TimeSpan.FromMinutes(10));
        var elapsed = watch.Elapsed;
        var used = await cpu.SinceAsync(cpuBefore);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  drain: {events * Endpoints} deliveries waiting in the outbox, all delivered after {elapsed.TotalSeconds:0.00} s"));
        return PhaseResult.Of(events * Endpoints, elapsed, used);
    }

    /// <summary>The baseline: sign each body and POST it with one client, <paramref name="concurrency"/> at a time.</summary>
    private static async Task<PhaseResult> RunBaselineAsync(StandardWebhookSigner signer, WebhookSecret secret, Uri url, DatabaseCpuMeter cpu, int deliveries, int concurrency)
    {
        using var client = new HttpClient();
        var json = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var next = -1;
        var cpuBefore = await cpu.ReadAsync();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < deliveries)
            {
                var id = $"evt_{i:x32}";
                var body = Encoding.UTF8.GetBytes(
                    $$"""{"id":"{{id}}","type":"session.completed","timestamp":"2026-01-01T00:00:00Z","data":{{System.Text.Json.JsonSerializer.Serialize(Data(i))}}}""");
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = json;
                signer.CreateHeaders(secret, id, body).ApplyTo(request.Headers);
                request.Headers.TryAddWithoutValidation(WebhookSender.EventHeader, "session.completed");
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }
        }));
        var elapsed = watch.Elapsed;
        return PhaseResult.Of(deliveries, elapsed, await cpu.SinceAsync(cpuBefore));
    }

    /// <summary>Runs <paramref name="round"/> again and again until <paramref name="warmup"/> has passed (at least once).</summary>
    private static async Task WarmUpAsync(TimeSpan warmup, Func<Task<PhaseResult>> round)
    {
        var started = Stopwatch.GetTimestamp();
        do
        {
            await round();
        }
        while (Stopwatch.GetElapsedTime(started) < warmup);
    }

    private static object Data(int i) => new { session_id = new Guid(i, 0, 0, new byte[8]), status = "completed", progress = 100, result_count = 3 };

    private static async Task WaitUntilRecordedAsync(NpgsqlDataSource db)
    {
        var patience = Stopwatch.StartNew();
        while (await CountAsync(db, "pending") > 0 && patience.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string? status)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM webhook_deliveries WHERE $1::text IS NULL OR status = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Guid> CreateUserAsync(NpgsqlDataSource db)
    {
        var id = Guid.NewGuid();
        await using var command = db.CreateCommand("INSERT INTO users (id, email, username, password_hash) VALUES ($1, $2, $3, 'not-a-real-hash')");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue($"{id:N}@example.test");
        command.Parameters.AddWithValue($"bench_{id:N}");
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>One phase: deliveries per second, and CPU per delivery of this process plus the database's backends.</summary>
    private sealed record PhaseResult(double PerSecond, double CpuMicroseconds, double DatabaseShare)
    {
        public static PhaseResult Of(long deliveries, TimeSpan elapsed, (TimeSpan Process, TimeSpan Database) cpu)
        {
            var total = cpu.Process + cpu.Database;
            return new(deliveries / elapsed.TotalSeconds, total.TotalMicroseconds / deliveries, total > TimeSpan.Zero ? cpu.Database / total : 0);
        }
    }
}
