using System.Threading.RateLimiting;
using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.Grains.Resilience;

/// <summary>
/// One dependency's bulkhead on this silo: a <see cref="ConcurrencyLimiter"/> with <c>MaxConcurrent</c> permits
/// and an oldest-first queue of <c>MaxQueue</c>; a queued call gives up after <c>QueueTimeout</c>. A free slot
/// is taken without allocation beyond the lease. Thread safe.
/// </summary>
internal sealed class DependencyBulkhead(string dependency, BulkheadPolicy policy, TimeProvider time) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = policy.MaxConcurrent,
        QueueLimit = policy.MaxQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public BulkheadPolicy Policy => policy;

    /// <summary>Takes a slot, waiting in the queue if needed; throws <see cref="BulkheadRejectedException"/> when refused.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return ValueTask.FromResult(lease);
        }

        lease.Dispose();
        return policy.MaxQueue == 0 ? throw Rejected() : WaitAsync(cancellationToken);
    }

    public void Dispose() => _limiter.Dispose();

    private async ValueTask<RateLimitLease> WaitAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(policy.QueueTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Rejected();
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw Rejected();
    }

    private BulkheadRejectedException Rejected() => new(dependency, policy.MaxConcurrent, policy.MaxQueue);
}
