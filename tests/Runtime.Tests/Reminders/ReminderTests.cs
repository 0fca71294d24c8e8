using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Reminders;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.Runtime.Tests.Runtime;
using MindPeeker.TestSupport;
using static MindPeeker.Runtime.Tests.Reminders.ReminderProbeGrain;

namespace MindPeeker.Runtime.Tests.Reminders;

public sealed class ReminderTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly DateTimeOffset T0 = new FakeTimeProvider().GetUtcNow();
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_reminder_ticks_on_its_schedule_with_the_tick_status()
    {
        await using var silo = await StartSiloAsync("ticks");
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>("g1");
        await grain.Register("r", dueTime: Minute, period: Minute);

        silo.Time.Advance(Minute);
        await silo.Ledger.WaitFor(Tick("g1", "r", T0 + Minute));
        silo.Time.Advance(Minute);
        await silo.Ledger.WaitFor(Tick("g1", "r", T0 + (2 * Minute)));
        await grain.Touch();

        silo.Ledger.Events.Where(e => e.StartsWith("status:", StringComparison.Ordinal)).Should().Equal(
            "status:g1:r:00:01:00/00:01:00/00:01:00",
            "status:g1:r:00:01:00/00:01:00/00:02:00");
    }

    [Fact]
    public async Task An_unregistered_reminder_stops_ticking()
    {
        await using var silo = await StartSiloAsync("unregister");
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>("g2");
        await grain.Register("r", Minute, Minute);
        silo.Time.Advance(Minute);
        await silo.Ledger.WaitFor(Tick("g2", "r", T0 + Minute));

        (await grain.Unregister("r")).Should().BeTrue();
        silo.Time.Advance(5 * Minute);
        await grain.Touch();

        silo.Ledger.Events.Count(e => e.StartsWith("tick:", StringComparison.Ordinal)).Should().Be(1);
        (await grain.ListReminders()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_tick_reactivates_a_grain_that_was_deactivated()
    {
        await using var silo = await StartSiloAsync("reactivate");
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>("g3");
        await grain.Register("r", Minute, Minute);
        await grain.Deactivate();
        await silo.Ledger.WaitFor("deactivated:g3");

        silo.Time.Advance(Minute);

        await silo.Ledger.WaitFor(Tick("g3", "r", T0 + Minute));
        silo.Ledger.Count("activated:g3").Should().Be(2, "the tick activated the grain again");
    }

    [Fact]
    public async Task A_reminder_survives_a_restart_of_the_silo()
    {
        await using (var first = await StartSiloAsync("restart"))
        {
            await first.Grains.GetGrain<IReminderProbeGrain>("g4").Register("r", Minute, Minute);
        }

        await using var second = await StartSiloAsync("restart");
        second.Time.Advance(Minute);

        await second.Ledger.WaitFor(Tick("g4", "r", T0 + Minute));
        (await second.Grains.GetGrain<IReminderProbeGrain>("g4").ListReminders()).Should().Equal("r");
    }

    [Fact]
    public async Task Re_registering_replaces_the_schedule()
    {
        await using var silo = await StartSiloAsync("update");
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>("g5");
        await grain.Register("r", Minute, Minute);

        await grain.Register("r", 3 * Minute, 2 * Minute);
        silo.Time.Advance(3 * Minute);
        await silo.Ledger.WaitFor(Tick("g5", "r", T0 + (3 * Minute)));
        await grain.Touch();

        silo.Ledger.Events.Where(e => e.StartsWith("tick:", StringComparison.Ordinal)).Should().Equal(Tick("g5", "r", T0 + (3 * Minute)));
    }

    [Fact]
    public async Task A_period_below_the_minimum_is_refused_and_nothing_is_stored()
    {
        await using var silo = await StartSiloAsync("minimum");
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>("g6");

        await FluentActions.Awaiting(() => grain.Register("r", Minute, TimeSpan.FromSeconds(30)))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*minimum reminder period*");

        (await grain.ListReminders()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_lowered_minimum_period_allows_shorter_reminders()
    {
        await using var silo = await StartSiloAsync("lowered", o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(10));
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>("g7");
        var tenSeconds = TimeSpan.FromSeconds(10);
        await grain.Register("fast", tenSeconds, tenSeconds);

        silo.Time.Advance(tenSeconds);
        await silo.Ledger.WaitFor(Tick("g7", "fast", T0 + tenSeconds));
        silo.Time.Advance(tenSeconds);

        await silo.Ledger.WaitFor(Tick("g7", "fast", T0 + (2 * tenSeconds)));
    }

    [Fact]
    public async Task Ticks_due_while_one_is_still_being_delivered_wait_for_it_and_collapse_into_the_latest()
    {
        await using var silo = await StartSiloAsync("deferred", o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(10));
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>("g8");
        var tenSeconds = TimeSpan.FromSeconds(10);
        await grain.Register("gated", tenSeconds, tenSeconds);
        silo.Time.Advance(tenSeconds);
        await silo.Ledger.WaitFor(Tick("g8", "gated", T0 + tenSeconds));

        silo.Time.Advance(tenSeconds);
        silo.Time.Advance(tenSeconds);
        silo.Ledger.Open("gated");

        await silo.Ledger.WaitFor(Tick("g8", "gated", T0 + (3 * tenSeconds)));
        await grain.Touch();
        silo.Ledger.Events.Where(e => e.StartsWith("tick:", StringComparison.Ordinal)).Should().Equal(
            Tick("g8", "gated", T0 + tenSeconds),
            Tick("g8", "gated", T0 + (3 * tenSeconds)));
    }

    [Fact]
    public async Task A_grain_class_that_is_not_remindable_cannot_register_a_reminder()
    {
        await using var silo = await StartSiloAsync("forgetful");

        await FluentActions.Awaiting(() => silo.Grains.GetGrain<IForgetfulGrain>("f").Register())
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*ForgetfulGrain*IRemindable*");
    }

    [Fact]
    public async Task An_invalid_minimum_period_fails_silo_start()
    {
        await FluentActions.Awaiting(() => StartSiloAsync("invalid", o => o.MinimumReminderPeriod = TimeSpan.Zero))
            .Should().ThrowAsync<OptionsValidationException>().WithMessage("*MinimumReminderPeriod*");
    }

    [Fact]
    public async Task A_missing_connection_string_fails_silo_start()
    {
        await FluentActions.Awaiting(() => RuntimeTestSilo.StartAsync(b => b.UsePostgreSqlReminderService(o => o.ClusterId = "no-database")))
            .Should().ThrowAsync<OptionsValidationException>().WithMessage("*connection string*");
    }

    [Fact]
    public async Task Two_silos_split_the_reminders_by_ring_ownership_and_never_both_deliver_a_tick()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        await new PostgreSqlSchemaMigrator(database.DataSource, [ClusterSchema.Migrations]).MigrateAsync();
        var table = new PostgreSqlReminderTable(database.DataSource, "split");
        var keys = Enumerable.Range(0, 40).Select(i => $"split-{i}").ToArray();
        foreach (var key in keys)
        {
            var grainId = silo.Grains.GetGrain<IReminderProbeGrain>(key).GetGrainId();
            await table.UpsertRowAsync(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = T0 + Minute, Period = Minute });
        }

        var siloA = new SiloAddress("10.0.0.1", 11111, 1);
        var siloB = new SiloAddress("10.0.0.2", 11111, 1);
        var membership = new FakeClusterMembership(siloA, siloB);
        using var serviceA = NewService(silo, table, membership, siloA);
        using var serviceB = NewService(silo, table, membership, siloB);
        await serviceA.StartAsync(CancellationToken.None);
        await serviceB.StartAsync(CancellationToken.None);

        var ring = new ConsistentRing(membership.CurrentSnapshot);
        serviceA.ScheduledReminders.Should().OnlyContain(r => ring.IsOwnedBy(r.GrainId, siloA)).And.NotBeEmpty();
        serviceB.ScheduledReminders.Should().OnlyContain(r => ring.IsOwnedBy(r.GrainId, siloB)).And.NotBeEmpty();
        (serviceA.ScheduledReminders.Count + serviceB.ScheduledReminders.Count).Should().Be(keys.Length);

        silo.Time.Advance(Minute);
        await AllTicked(silo, keys, T0 + Minute);

        membership.Publish(siloA);
        await serviceA.RefreshAsync("test", CancellationToken.None);
        await serviceB.RefreshAsync("test", CancellationToken.None);
        serviceA.ScheduledReminders.Should().HaveCount(keys.Length, "silo A took over the ranges of the silo that left");
        serviceB.ScheduledReminders.Should().BeEmpty("a silo that left the ring schedules nothing");

        silo.Time.Advance(Minute);
        await AllTicked(silo, keys, T0 + (2 * Minute));
    }

    private static async Task AllTicked(RuntimeTestSilo silo, string[] keys, DateTimeOffset at)
    {
        foreach (var key in keys)
        {
            await silo.Ledger.WaitFor(Tick(key, "r", at));
            await silo.Grains.GetGrain<IReminderProbeGrain>(key).Touch();
            silo.Ledger.Count(Tick(key, "r", at)).Should().Be(1, $"{key} must get its tick from exactly one silo");
        }
    }

    private static LocalReminderService NewService(RuntimeTestSilo silo, IReminderTable table, FakeClusterMembership membership, SiloAddress self) =>
        new(
            table,
            id => silo.Grains.GetGrain<IRemindable>(id),
            silo.Time,
            Options.Create(new ReminderOptions()),
            NullLogger<LocalReminderService>.Instance,
            membership,
            self);

    private Task<RuntimeTestSilo> StartSiloAsync(string clusterId, Action<ReminderOptions>? configure = null) =>
        RuntimeTestSilo.StartAsync(builder =>
        {
            builder.UsePostgreSqlReminderService(options =>
            {
                options.ConnectionString = database.ConnectionString;
                options.ClusterId = clusterId;
            });
            if (configure is not null)
            {
                builder.Services.Configure(configure);
            }
        });
}
