using MindPeeker.Grains.Resilience;

namespace MindPeeker.Grains.Tests.Resilience;

/// <summary>Trivial guarded calls that count how often the dependency was really attempted.</summary>
internal sealed class GuardedCalls(DependencyGuard guard, string dependency)
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public Task<int> SucceedAsync() => RunAsync(_ => Task.FromResult(200));

    public Task<int> FailAsync() => RunAsync(_ => throw new HttpRequestException("The dependency is down."));

    /// <summary>A call that returns the status <paramref name="status"/>; 5xx counts as failure.</summary>
    public Task<int> AnswerAsync(int status) => RunAsync(_ => Task.FromResult(status));

    /// <summary>A call that runs until <paramref name="gate"/> completes.</summary>
    public Task<int> HoldAsync(Task gate, CancellationToken cancellationToken = default) => RunAsync(
        async token =>
        {
            await gate.WaitAsync(token);
            return 200;
        },
        cancellationToken);

    public async Task<int> RunAsync(Func<CancellationToken, Task<int>> call, CancellationToken cancellationToken = default) =>
        await guard.ExecuteAsync(
            dependency,
            token =>
            {
                Interlocked.Increment(ref _attempts);
                return call(token);
            },
            status => status >= 500,
            cancellationToken);

    /// <summary>Runs failing calls, swallowing their exceptions, <paramref name="count"/> times.</summary>
    public async Task FailTimesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await FluentActions.Awaiting(FailAsync).Should().ThrowAsync<HttpRequestException>();
        }
    }
}
