namespace MindPeeker.Grains.Resilience.Health;

/// <summary>
/// Outcomes over a sliding sampling window, kept as <see cref="CircuitBreakerConstants.HealthWindowCount"/>
/// consecutive buckets (Polly v8's rolling health metrics): a bucket starts with the first outcome after the
/// previous one ended and is dropped once its start is a whole sampling duration old, so the window slides in
/// steps of a tenth of it. Not thread safe: the owning grain runs one turn at a time.
/// </summary>
internal sealed class RollingHealthMetrics(TimeSpan samplingDuration, TimeProvider time)
{
    private readonly TimeSpan _bucketDuration = samplingDuration / CircuitBreakerConstants.HealthWindowCount;
    private readonly Queue<Bucket> _buckets = new();
    private Bucket? _current;

    public void Add(int successes, int failures)
    {
        var bucket = CurrentBucket();
        bucket.Successes += successes;
        bucket.Failures += failures;
    }

    public HealthInfo GetHealthInfo()
    {
        DropExpired(time.GetUtcNow());
        int successes = 0, failures = 0;
        foreach (var bucket in _buckets)
        {
            successes += bucket.Successes;
            failures += bucket.Failures;
        }

        return new HealthInfo(successes + failures, failures);
    }

    public void Reset()
    {
        _buckets.Clear();
        _current = null;
    }

    private Bucket CurrentBucket()
    {
        var now = time.GetUtcNow();
        DropExpired(now);
        if (_current is null || now - _current.StartedAt >= _bucketDuration)
        {
            _current = new Bucket(now);
            _buckets.Enqueue(_current);
        }

        return _current;
    }

    private void DropExpired(DateTimeOffset now)
    {
        while (_buckets.TryPeek(out var oldest) && now - oldest.StartedAt >= samplingDuration)
        {
            _buckets.Dequeue();
        }

        if (_buckets.Count == 0)
        {
            _current = null;
        }
    }

    private sealed class Bucket(DateTimeOffset startedAt)
    {
        public DateTimeOffset StartedAt { get; } = startedAt;

        public int Successes { get; set; }

        public int Failures { get; set; }
    }
}
