using System.Security.Cryptography;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Integrations.Platforms;
using MindPeeker.Grains.RateLimiting.Controller;

namespace MindPeeker.Grains.Integrations;

/// <summary>
/// Outbound calls: each passes the integration's rate limit (<c>configuration.rate_limit</c>, read at every call, so a
/// PATCH applies to the next one; the bucket keeps what was used when the rule changes), then its circuit breaker
/// (<c>integration:{id}</c>), and leaves a log entry and the health it found.
/// </summary>
internal sealed partial class IntegrationGrain
{
    // In memory only: a new activation starts with a full quota.
    private RateLimitBucket? _bucket;

    public async Task<IntegrationReply<ConnectionTestResult>> Test(IntegrationCaller caller)
    {
        if (VisibleTo(caller) is null)
        {
            return IntegrationReply<ConnectionTestResult>.NotFound();
        }

        return await CallAsync("test", (client, target) => client.TestAsync(target, CancellationToken.None));
    }

    public async Task<IntegrationReply<IntegrationView>> Connect(IntegrationCaller caller)
    {
        if (VisibleTo(caller) is null)
        {
            return IntegrationReply<IntegrationView>.NotFound();
        }

        var test = await CallAsync("connect", (client, target) => client.TestAsync(target, CancellationToken.None));
        if (test.Value is not { } result)
        {
            return new IntegrationReply<IntegrationView>(null, test.RetryAfterSeconds);
        }

        await WriteAsync(_record!, _record! with { Status = result.Success ? IntegrationStatus.Connected : IntegrationStatus.Error });
        var details = new Dictionary<string, string> { ["success"] = result.Success ? "true" : "false" };
        await AuditAsync(AuditActions.IntegrationConnected, caller, details);
        return IntegrationReply<IntegrationView>.Of(_record!.ToView());
    }

    public async Task<IntegrationView?> Disconnect(IntegrationCaller caller)
    {
        if (VisibleTo(caller) is not { } current)
        {
            return null;
        }

        await RemoveSyncReminderAsync();
        await WriteAsync(current, current with
        {
            Status = IntegrationStatus.Disconnected,
            Sync = current.Sync with { State = IntegrationSyncStatus.Stopped, NextSyncAt = null },
        });
        await AppendLogAsync("info", "disconnect", "Disconnected; sync stopped.");
        await AuditAsync(AuditActions.IntegrationDisconnected, caller);
        return _record!.ToView();
    }

    /// <summary>
    /// One outbound call of <paramref name="operation"/>: refused (and logged) when over the rate limit; otherwise made with
    /// the credentials decrypted for its duration, its outcome logged and its health recorded.
    /// </summary>
    private async Task<IntegrationReply<ConnectionTestResult>> CallAsync(
        string operation, Func<IntegrationPlatformClient, IntegrationTarget, Task<ConnectionTestResult>> call)
    {
        var record = _record!;
        var decision = Bucket(record).Acquire();
        if (!decision.Admitted)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
            IntegrationsLog.RateLimited(logger, Id, operation, seconds);
            await AppendLogAsync("warning", operation, $"Refused by the integration's rate limit; retry in {seconds} s.", outcome: "rate_limited");
            return IntegrationReply<ConnectionTestResult>.RateLimited(seconds);
        }

        var result = await GuardedCallAsync(record, call);
        var outcome = result.Success ? "succeeded" : "failed";
        IntegrationsLog.OutboundCall(logger, Id, operation, outcome, result.LatencyMs, result.StatusCode);
        await AppendLogAsync(result.Success ? "info" : "error", operation, result.Error ?? $"{operation} succeeded.", result, outcome);
        await RecordHealthAsync(result);
        return IntegrationReply<ConnectionTestResult>.Of(result);
    }

    private async Task<ConnectionTestResult> GuardedCallAsync(
        IntegrationRecord record, Func<IntegrationPlatformClient, IntegrationTarget, Task<ConnectionTestResult>> call)
    {
        Dictionary<string, string> credentials;
        try
        {
            credentials = record.Credentials is { } envelope ? sealedCredentials.Open(Id, envelope) : [];
        }
        catch (CryptographicException exception)
        {
            IntegrationsLog.CredentialsUnreadable(logger, Id, exception.Message);
            return new ConnectionTestResult(false, 0, "The stored credentials cannot be decrypted with the configured master keys.", null);
        }

        var target = new IntegrationTarget(Id, record.Configuration, credentials);
        try
        {
            return await guard.ExecuteAsync(
                $"integration:{Id}", _ => call(platforms.For(record.Platform), target), r => !r.Success, CancellationToken.None);
        }
        catch (CircuitOpenException exception)
        {
            return new ConnectionTestResult(false, 0, exception.Message, null);
        }
        catch (BulkheadRejectedException exception)
        {
            return new ConnectionTestResult(false, 0, exception.Message, null);
        }
        finally
        {
            credentials.Clear();
        }
    }

    private async Task RecordHealthAsync(ConnectionTestResult result)
    {
        var current = _record!;
        var failures = result.Success ? 0 : current.Health.ConsecutiveFailures + 1;
        var health = new IntegrationHealth(IntegrationHealth.StatusFor(failures), time.GetUtcNow(), failures, result.Error, result.LatencyMs);
        await WriteAsync(current, current with { Health = health });
    }

    /// <summary>The bucket enforcing the configured rule: created on first use, reconfigured (keeping what was used) when the rule changed.</summary>
    private RateLimitBucket Bucket(IntegrationRecord record)
    {
        var rule = IntegrationRateLimit.Of(record.Configuration);
        if (_bucket is null)
        {
            _bucket = RateLimitBucket.Create(rule, time);
        }
        else if (_bucket.Rule != rule)
        {
            if (_bucket.Rule.Algorithm == rule.Algorithm)
            {
                _bucket.Reconfigure(rule);
            }
            else
            {
                _bucket = RateLimitBucket.Create(rule, time, _bucket.Used);
            }
        }

        return _bucket;
    }
}
