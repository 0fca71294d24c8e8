using MindPeeker.Grains.Abstractions.DataLifecycle;

namespace MindPeeker.Grains.Tests.DataLifecycle;

public sealed class SyncPositionTests
{
    [Fact]
    public void A_cursor_round_trips_to_the_microsecond_and_rejects_anything_else()
    {
        var position = new SyncPosition(new DateTimeOffset(2026, 11, 22, 8, 30, 1, TimeSpan.Zero).AddTicks(1234560), Guid.NewGuid());

        var text = position.Encode();

        text.Should().StartWith("s1_");
        SyncPosition.TryDecode(text, out var decoded).Should().BeTrue();
        decoded.Should().Be(position);
        SyncPosition.TryDecode(position.Id.ToString(), out _).Should().BeFalse("a bare id is not a sync cursor");
        SyncPosition.TryDecode("s1_" + new string('A', 31) + "!", out _).Should().BeFalse();
        SyncPosition.TryDecode(null, out _).Should().BeFalse();
    }
}
