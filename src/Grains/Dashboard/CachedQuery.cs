namespace MindPeeker.Grains.Dashboard;

/// <summary>
/// The last answer of a database query per argument, reused for <see cref="DashboardDataOptions.DatabaseStatsMaxAge"/>;
/// concurrent askers of a stale answer wait for one query instead of each running it. Keeps at most
/// <see cref="MaxArguments"/> arguments (the oldest answer goes). Thread-safe.
/// </summary>
internal sealed class CachedQuery<TArgument, TResult>(TimeProvider time, TimeSpan maxAge, Func<TArgument, CancellationToken, Task<TResult>> query)
    where TArgument : notnull
{
    public const int MaxArguments = 64;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<TArgument, (DateTimeOffset At, TResult Value)> _answers = [];

    public async Task<TResult> GetAsync(TArgument argument, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_answers.TryGetValue(argument, out var cached) && now - cached.At < maxAge && now >= cached.At)
            {
                return cached.Value;
            }

            var value = await query(argument, cancellationToken);
            if (_answers.Count >= MaxArguments && !_answers.ContainsKey(argument))
            {
                _answers.Remove(_answers.MinBy(a => a.Value.At).Key);
            }

            _answers[argument] = (time.GetUtcNow(), value);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
