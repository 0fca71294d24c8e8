using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Resilience;

public sealed class CircuitBreakerGrainTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly CircuitBreakerActor Admin = new(Guid.NewGuid(), null, "203.0.113.9");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Exactly_one_of_many_concurrent_trial_requests_gets_the_half_open_permit()
    {
        await using var silo = await BreakerSilo.StartAsync(database, _time);
        var breaker = silo.Breaker($"ai:nim:{Guid.NewGuid():N}");
        (await breaker.ReportOutcomes(new OutcomeReport(0, 5))).State.Should().Be(CircuitState.Open);
        _time.Advance(TimeSpan.FromSeconds(60));

        var decisions = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => breaker.AcquireTrial())));

        decisions.Count(d => d.Permitted).Should().Be(1);
        decisions.Where(d => !d.Permitted).Should().OnlyContain(d => d.RetryAfter == TimeSpan.FromSeconds(60));
        (await breaker.GetStatus()).State.Should().Be(CircuitState.HalfOpen);
    }

    [Fact]
    public async Task An_isolation_survives_the_breaker_moving_to_another_silo()
    {
        var dependency = $"webhook:{Guid.NewGuid():N}";
        await using (var first = await BreakerSilo.StartAsync(database, _time))
        {
            var isolated = await first.Breaker(dependency).Isolate(Admin);
            isolated.Isolated.Should().BeTrue();
        }

        await using var second = await BreakerSilo.StartAsync(database, _time);
        var status = await second.Breaker(dependency).GetStatus();

        status.State.Should().Be(CircuitState.Isolated);
        status.Version.Should().Be(1);
        status.OpenedAt.Should().Be(_time.GetUtcNow());
        (await second.Breaker(dependency).AcquireTrial()).Permitted.Should().BeFalse();
    }

    [Fact]
    public async Task An_open_breaker_stays_open_for_the_rest_of_its_break_after_a_move()
    {
        var dependency = $"webhook:{Guid.NewGuid():N}";
        await using (var first = await BreakerSilo.StartAsync(database, _time))
        {
            await first.Breaker(dependency).ReportOutcomes(new OutcomeReport(1, 9));
        }

        _time.Advance(TimeSpan.FromSeconds(20));
        await using var second = await BreakerSilo.StartAsync(database, _time);
        var decision = await second.Breaker(dependency).AcquireTrial();

        decision.Permitted.Should().BeFalse();
        decision.RetryAfter.Should().Be(TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task The_registry_lists_known_breakers_newest_first_in_pages_with_live_status()
    {
        await using var silo = await BreakerSilo.StartAsync(database, _time);
        var tag = Guid.NewGuid().ToString("N");
        var names = new[] { $"ai:a:{tag}", $"ai:b:{tag}", $"ai:c:{tag}" };
        foreach (var name in names)
        {
            _time.Advance(TimeSpan.FromDays(1));
            await silo.Breaker(name).ReportOutcomes(new OutcomeReport(3, 1));
        }

        var registry = silo.Grains.GetGrain<ICircuitBreakerRegistryGrain>(0);
        var page = await registry.List(2, null);
        var rest = await registry.List(2, page.Items[^1].Dependency);

        page.Items.Select(i => i.Dependency).Should().Equal(names[2], names[1]);
        page.HasMore.Should().BeTrue();
        page.Items[0].Throughput.Should().Be(4);
        page.Items[0].FailureRatio.Should().Be(0.25);
        rest.Items.Select(i => i.Dependency).Should().StartWith(names[0]);
        (await registry.Find(names[1]))!.State.Should().Be(CircuitState.Closed);
        (await registry.Find($"ai:none:{tag}")).Should().BeNull();
        (await registry.Contains($"ai:none:{tag}")).Should().BeFalse();
    }

    [Fact]
    public async Task A_silo_with_an_invalid_breaker_override_refuses_to_start_and_names_the_setting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Resilience:Breakers:Overrides:0:Prefix"] = "ai:",
            ["Resilience:Breakers:Overrides:0:FailureRatio"] = "1.5",
        };

        await FluentActions.Awaiting(() => BreakerSilo.StartAsync(database, _time, settings))
            .Should().ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>()
            .WithMessage("*Resilience:Breakers:Overrides:0:FailureRatio*");
    }

    [Fact]
    public async Task Negative_outcome_counts_are_refused()
    {
        await using var silo = await BreakerSilo.StartAsync(database, _time);

        await FluentActions.Awaiting(() => silo.Breaker($"webhook:{Guid.NewGuid():N}").ReportOutcomes(new OutcomeReport(-1, 0)))
            .Should().ThrowAsync<ArgumentOutOfRangeException>();
    }
}
