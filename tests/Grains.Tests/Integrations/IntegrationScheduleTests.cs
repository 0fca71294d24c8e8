using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Integrations;

/// <summary>Sync reminders and rate limits on a fake clock: time moves only when the test advances it.</summary>
public sealed class IntegrationScheduleTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private IntegrationSilo _silo = null!;
    private FakePlatform _platform = null!;
    private IntegrationCaller _caller = null!;

    public async Task InitializeAsync()
    {
        _platform = await FakePlatform.StartAsync();
        _silo = await IntegrationSilo.StartAsync(database, new Dictionary<int, byte[]> { [1] = IntegrationSilo.NewKey() }, time: _time);
        _caller = new IntegrationCaller(await database.CreateUserAsync());
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _platform.DisposeAsync();
    }

    [Fact]
    public async Task A_started_sync_runs_at_once_then_on_every_reminder_tick_until_stopped()
    {
        var id = Guid.NewGuid();
        await _silo.Integration(id).Create(IntegrationCommands.Webhook(_caller.UserId, _platform, "sync", syncInterval: 60));

        var started = await _silo.Integration(id).StartSync(_caller);
        await _platform.WaitForAsync("/hooks/sync", 1);
        _time.Advance(TimeSpan.FromSeconds(61));
        await _platform.WaitForAsync("/hooks/sync", 2);
        _time.Advance(TimeSpan.FromSeconds(60));
        var pings = await _platform.WaitForAsync("/hooks/sync", 3);
        var stopped = await _silo.Integration(id).StopSync(_caller);

        started.Value!.State.Should().Be(IntegrationSyncStatus.Running);
        started.Value.IntervalSeconds.Should().Be(60);
        started.Value.LastSyncStatus.Should().Be(IntegrationSyncStatus.Succeeded);
        pings.Should().OnlyContain(p => p.Body.Contains("\"type\":\"integration.sync\""));
        stopped!.State.Should().Be(IntegrationSyncStatus.Stopped);
        stopped.NextSyncAt.Should().BeNull();
        (await database.CountAsync("SELECT count(*) FROM reminders WHERE grain_id LIKE '%' || @text_id", id)).Should().Be(0);
    }

    [Fact]
    public async Task An_openai_sync_refreshes_the_model_list()
    {
        var id = Guid.NewGuid();
        await _silo.Integration(id).Create(IntegrationCommands.OpenAi(_caller.UserId, _platform));

        var sync = await _silo.Integration(id).StartSync(_caller);
        await _silo.Integration(id).StopSync(_caller);

        sync.Value!.Items.Should().Equal(_platform.Models);
        sync.Value.IntervalSeconds.Should().Be(IntegrationRules.DefaultSyncIntervalSeconds);
    }

    [Fact]
    public async Task A_fixed_window_refuses_the_call_over_its_limit_with_the_time_to_wait()
    {
        var id = Guid.NewGuid();
        await _silo.Integration(id).Create(IntegrationCommands.Webhook(
            _caller.UserId, _platform, "fixed", rateLimit: new { algorithm = "fixed_window", limit = 2, window_seconds = 60 }));

        var first = await _silo.Integration(id).Test(_caller);
        var second = await _silo.Integration(id).Test(_caller);
        var refused = await _silo.Integration(id).Test(_caller);
        _time.Advance(TimeSpan.FromSeconds(60));
        var nextWindow = await _silo.Integration(id).Test(_caller);

        first.Value!.Success.Should().BeTrue();
        second.Value!.Success.Should().BeTrue();
        refused.IsRateLimited.Should().BeTrue();
        refused.RetryAfterSeconds.Should().Be(60);
        nextWindow.Value!.Success.Should().BeTrue();
        _platform.Requests.Count(r => r.Path == "/hooks/fixed").Should().Be(3, "the refused call was never sent");
        var metrics = await _silo.Integration(id).Metrics(_caller);
        metrics!.TotalCalls.Should().Be(3);
        metrics.RateLimitedCalls.Should().Be(1);
        metrics.SuccessRate.Should().Be(1);
    }

    [Fact]
    public async Task A_sliding_window_counts_calls_of_the_last_window()
    {
        var id = Guid.NewGuid();
        await _silo.Integration(id).Create(IntegrationCommands.Webhook(
            _caller.UserId, _platform, "sliding", rateLimit: new { algorithm = "sliding_window", limit = 2, window_seconds = 60 }));

        await _silo.Integration(id).Test(_caller);
        _time.Advance(TimeSpan.FromSeconds(30));
        await _silo.Integration(id).Test(_caller);
        _time.Advance(TimeSpan.FromSeconds(30));
        var afterFirstExpired = await _silo.Integration(id).Test(_caller);
        var refused = await _silo.Integration(id).Test(_caller);

        afterFirstExpired.Value!.Success.Should().BeTrue("the first call left the window");
        refused.RetryAfterSeconds.Should().Be(30, "the second call leaves the window 30 s later");
    }

    [Fact]
    public async Task A_patched_rate_limit_applies_to_the_next_call_keeping_what_was_used()
    {
        var id = Guid.NewGuid();
        await _silo.Integration(id).Create(IntegrationCommands.Webhook(
            _caller.UserId, _platform, "patched", rateLimit: new { algorithm = "fixed_window", limit = 2, window_seconds = 60 }));
        await _silo.Integration(id).Test(_caller);
        await _silo.Integration(id).Test(_caller);
        (await _silo.Integration(id).Test(_caller)).IsRateLimited.Should().BeTrue();

        var bucket = new { algorithm = "token_bucket", limit = 1, window_seconds = 10, burst = 3 };
        await _silo.Integration(id).Update(_caller, new IntegrationChanges(Configuration: IntegrationCommands.Json(new
        {
            url = $"{_platform.BaseUrl}/hooks/patched",
            rate_limit = bucket,
        })));
        var third = await _silo.Integration(id).Test(_caller);
        var refused = await _silo.Integration(id).Test(_caller);
        _time.Advance(TimeSpan.FromSeconds(10));
        var refilled = await _silo.Integration(id).Test(_caller);

        third.Value!.Success.Should().BeTrue("a burst of 3 with 2 used leaves one");
        refused.RetryAfterSeconds.Should().Be(10, "one token per 10 s");
        refilled.Value!.Success.Should().BeTrue();
    }
}
