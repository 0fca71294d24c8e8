namespace MindPeeker.Grains.Resilience;

/// <summary>Bulkhead settings for the dependencies whose names start with <see cref="Prefix"/>; unset values inherit.</summary>
public sealed class BulkheadOverride
{
    public string Prefix { get; set; } = string.Empty;

    public int? MaxConcurrent { get; set; }

    public int? MaxQueue { get; set; }

    public TimeSpan? QueueTimeout { get; set; }
}
