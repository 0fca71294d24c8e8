using MindPeeker.Runtime;

namespace MindPeeker.Benchmarks.RemoteCalls;

public interface IRemoteEchoGrain : IGrainWithIntegerKey
{
    ValueTask<string> Echo(string text);
}

/// <summary>
/// The grain <c>remote-calls</c> measures: pinned to the role only the child silo advertises, so every call from
/// the benchmark's in-process silo crosses the process boundary. Returns its argument, like the transport echo.
/// </summary>
[RolePlacement(RemoteCallsScenario.RemoteRole)]
public sealed class RemoteEchoGrain : Grain, IRemoteEchoGrain
{
    public ValueTask<string> Echo(string text) => ValueTask.FromResult(text);
}
