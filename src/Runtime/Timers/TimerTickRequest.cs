using System.Text.Json;
using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Timers;

/// <summary>A timer tick travelling through the activation's queue like a call, so it runs as a turn.</summary>
internal sealed class TimerTickRequest : VoidGrainRequest
{
    private static readonly GrainMethod ExclusiveTick = new(typeof(IGrainTimer), "Tick", -1, GrainMethodOptions.None);
    private static readonly GrainMethod InterleavingTick = new(typeof(IGrainTimer), "Tick", -1, GrainMethodOptions.AlwaysInterleave);

    public TimerTickRequest(GrainTimer timer)
    {
        Timer = timer;
        DeadlineTimestamp = long.MaxValue;
    }

    public GrainTimer Timer { get; }

    public override GrainMethod Method => Timer.Interleave ? InterleavingTick : ExclusiveTick;

    public override int ArgumentCount => 0;

    internal override bool IsSystemRequest => true;

    internal override bool CountsAsActivity => Timer.KeepAlive;

    public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    // Timer ticks run where the timer lives: they never cross the wire.
    public override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options) =>
        throw new InvalidOperationException("Timer ticks are local to their activation and are never sent to another silo.");

    public override void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        throw new InvalidOperationException("Timer ticks are local to their activation and are never sent to another silo.");

    protected override ValueTask InvokeCore(object grain) => new(Timer.InvokeCallbackAsync());
}
