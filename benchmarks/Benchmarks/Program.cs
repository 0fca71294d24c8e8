using System.Globalization;
using MindPeeker.Benchmarks.Batching;
using MindPeeker.Benchmarks.BreakerOverhead;
using MindPeeker.Benchmarks.DashboardOverhead;
using MindPeeker.Benchmarks.Failover;
using MindPeeker.Benchmarks.SessionCreation;
using MindPeeker.Benchmarks.LocalCalls;
using MindPeeker.Benchmarks.ObservabilityOverhead;
using MindPeeker.Benchmarks.RateLimitOverhead;
using MindPeeker.Benchmarks.RealtimeLatency;
using MindPeeker.Benchmarks.RemoteCalls;
using MindPeeker.Benchmarks.WebhookThroughput;

// Usage: dotnet run -c Release --project benchmarks/Benchmarks -- <scenario> [--duration seconds] [--warmup seconds]
var scenario = args.FirstOrDefault() ?? "local-calls";
var duration = TimeSpan.FromSeconds(ReadOption(args, "--duration", 10));
var warmup = TimeSpan.FromSeconds(ReadOption(args, "--warmup", 2));

return scenario switch
{
    "local-calls" => await LocalCallsScenario.RunAsync(duration, warmup),
    "create-session" => await CreateSessionScenario.RunAsync(duration, warmup),
    "rate-limit-overhead" => await RateLimitOverheadScenario.RunAsync(duration, warmup),
    "realtime-latency" => await RealtimeLatencyScenario.RunAsync(duration, warmup, args),
    "batching" => await BatchingScenario.RunAsync(duration, warmup),
    "remote-calls" => await RemoteCallsScenario.RunAsync(duration, warmup, args),
    "failover" => await FailoverScenario.RunAsync(args),
    "breaker-overhead" => await BreakerOverheadScenario.RunAsync(duration, warmup),
    "dashboard-overhead" => await DashboardOverheadScenario.RunAsync(duration, warmup),
    "observability-overhead" => await ObservabilityOverheadScenario.RunAsync(duration, warmup),
    "webhook-throughput" => await WebhookThroughputScenario.RunAsync(duration, warmup, args),
    _ => Fail($"Unknown scenario '{scenario}'. Scenarios: local-calls, create-session, rate-limit-overhead, realtime-latency, batching, remote-calls, failover, webhook-throughput, breaker-overhead, dashboard-overhead, observability-overhead."),
};

static double ReadOption(string[] args, string name, double fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
