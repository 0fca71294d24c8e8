using MindPeeker.Grains.Webhooks;

namespace MindPeeker.Grains.Tests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    [Fact]
    public void The_schedule_is_the_Standard_Webhooks_one_with_ten_attempts()
    {
        WebhookRetrySchedule.Delays.Should().Equal(
            TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
            TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(24));
        WebhookRetrySchedule.MaxAttempts.Should().Be(10);
    }

    [Theory]
    [InlineData(0.0, 0.8)]
    [InlineData(0.5, 1.0)]
    public void Jitter_maps_the_random_draw_onto_eighty_to_one_hundred_twenty_percent(double random, double factor)
    {
        for (var attempt = 1; attempt < WebhookRetrySchedule.MaxAttempts; attempt++)
        {
            WebhookRetrySchedule.DelayAfter(attempt, random)!.Value.Should().BeCloseTo(WebhookRetrySchedule.Delays[attempt - 1] * factor, TimeSpan.FromMilliseconds(1));
        }
    }

    [Fact]
    public void Jitter_never_leaves_twenty_percent_either_way()
    {
        var random = new Random(7);
        for (var draw = 0; draw < 10_000; draw++)
        {
            var attempt = random.Next(1, WebhookRetrySchedule.MaxAttempts);
            var nominal = WebhookRetrySchedule.Delays[attempt - 1];
            WebhookRetrySchedule.DelayAfter(attempt, random.NextDouble())!.Value.Should().BeGreaterThanOrEqualTo(nominal * 0.8).And.BeLessThanOrEqualTo(nominal * 1.2);
        }
    }

    [Fact]
    public void After_the_tenth_failed_attempt_there_is_no_next_one()
    {
        WebhookRetrySchedule.DelayAfter(10, 0.5).Should().BeNull();
    }
}
