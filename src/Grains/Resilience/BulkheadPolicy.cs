namespace MindPeeker.Grains.Resilience;

/// <summary>The bulkhead settings that apply to one dependency (defaults with the longest matching override).</summary>
internal sealed record BulkheadPolicy(int MaxConcurrent, int MaxQueue, TimeSpan QueueTimeout);
