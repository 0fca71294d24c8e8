namespace MindPeeker.Runtime.Catalog;

/// <summary>
/// Fails calls whose response timeout passed. One periodic scan over the activations replaces a
/// timer per call, which would cost an allocation and a timer-queue operation on every call.
/// </summary>
internal sealed class RequestTimeoutMonitor(SiloRuntime runtime) : IDisposable
{
    private ITimer? _timer;

    /// <summary>Scan period: a tenth of the response timeout, between 10 ms and 1 s.</summary>
    public TimeSpan Period { get; } = TimeSpan.FromTicks(Math.Clamp(
        runtime.MessagingOptions.ResponseTimeout.Ticks / 10, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));

    public void Start() =>
        _timer = runtime.TimeProvider.CreateTimer(static state => ((RequestTimeoutMonitor)state!).Scan(), this, Period, Period);

    public void Scan()
    {
        var now = runtime.TimeProvider.GetTimestamp();
        foreach (var activation in runtime.Catalog.EnumerateActivations())
        {
            activation.ExpireRequests(now);
        }
    }

    public void Dispose() => _timer?.Dispose();
}
