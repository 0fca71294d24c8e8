namespace MindPeeker.Grains.Resilience.Health;

/// <summary>Calls and failures in the sampling window; <see cref="FailureRatio"/> is 0 when there were none.</summary>
internal readonly record struct HealthInfo(int Throughput, int Failures)
{
    public double FailureRatio => Throughput == 0 ? 0 : (double)Failures / Throughput;
}
