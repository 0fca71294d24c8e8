namespace MindPeeker.Runtime.Tests.Grains;

/// <summary>Methods that enter, wait on a gate the test opens, and leave, recording concurrency.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task Hold(string label);

    [ReadOnly]
    Task ReadHold(string label);

    [AlwaysInterleave]
    Task InterleaveHold(string label);
}

public interface INonReentrantProbeGrain : IProbeGrain;

public interface IReentrantProbeGrain : IProbeGrain;

public abstract class ProbeGrainBase(TestLedger ledger) : Grain, IProbeGrain
{
    public Task Hold(string label) => Run(label);

    public Task ReadHold(string label) => Run(label);

    public Task InterleaveHold(string label) => Run(label);

    private async Task Run(string label)
    {
        ledger.Enter();
        ledger.Record($"enter:{label}");
        try
        {
            await ledger.Gate(label);
        }
        finally
        {
            ledger.Record($"exit:{label}");
            ledger.Exit();
        }
    }
}

public sealed class NonReentrantProbeGrain(TestLedger ledger) : ProbeGrainBase(ledger), INonReentrantProbeGrain;

[Reentrant]
public sealed class ReentrantProbeGrain(TestLedger ledger) : ProbeGrainBase(ledger), IReentrantProbeGrain;
