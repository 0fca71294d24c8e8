using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Tests.Grains;

namespace MindPeeker.Runtime.Tests.Runtime;

public sealed class TimeoutTests
{
    [Fact]
    public async Task A_call_without_an_answer_in_30_seconds_fails_with_TimeoutException()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IFaultyGrain>("slow");
        var call = grain.WaitForever("never");
        await silo.Ledger.WaitFor("activating:slow");

        silo.Time.Advance(TimeSpan.FromSeconds(29));
        call.IsCompleted.Should().BeFalse();
        silo.Time.Advance(TimeSpan.FromSeconds(2));

        (await FluentActions.Awaiting(() => call).Should().ThrowAsync<TimeoutException>())
            .WithMessage("*IFaultyGrain.WaitForever*slow*");
        silo.Ledger.Open("never");
    }

    [Fact]
    public async Task A_call_queued_behind_a_stuck_call_times_out_too_and_is_never_run()
    {
        await using var silo = await RuntimeTestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<IFaultyGrain>("stuck");
        var stuck = grain.WaitForever("first");
        var queued = grain.WaitForever("second");
        silo.Ledger.Open("second");

        silo.Time.Advance(TimeSpan.FromSeconds(31));

        await FluentActions.Awaiting(() => queued).Should().ThrowAsync<TimeoutException>();
        await FluentActions.Awaiting(() => stuck).Should().ThrowAsync<TimeoutException>();
        silo.Ledger.Open("first");
        (await grain.ReadRequestContext("k")).Should().BeNull("the activation serves calls again once the stuck call ends");
    }

    [Fact]
    public async Task The_response_timeout_is_configurable()
    {
        await using var silo = await RuntimeTestSilo.StartAsync(b =>
            b.Services.Configure<Hosting.MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(2)));
        var call = silo.Grains.GetGrain<IFaultyGrain>("quick").WaitForever("g");

        silo.Time.Advance(TimeSpan.FromSeconds(3));

        await FluentActions.Awaiting(() => call).Should().ThrowAsync<TimeoutException>();
        silo.Ledger.Open("g");
    }
}
