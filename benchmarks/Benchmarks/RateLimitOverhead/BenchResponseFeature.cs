using Microsoft.AspNetCore.Http.Features;

namespace MindPeeker.Benchmarks.RateLimitOverhead;

/// <summary>
/// The response side of an in-process request: like a server, it runs the <c>OnStarting</c> callbacks when the
/// response starts, so the rate limiter's header work is measured as it happens in Kestrel.
/// </summary>
internal sealed class BenchResponseFeature : HttpResponseFeature
{
    private List<(Func<object, Task> Callback, object State)>? _starting;
    private bool _started;

    public override bool HasStarted => _started;

    public override void OnStarting(Func<object, Task> callback, object state) => (_starting ??= []).Add((callback, state));

    public async Task StartAsync()
    {
        _started = true;
        if (_starting is null)
        {
            return;
        }

        for (var i = _starting.Count - 1; i >= 0; i--)
        {
            await _starting[i].Callback(_starting[i].State);
        }
    }
}
