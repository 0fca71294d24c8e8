using System.Diagnostics.Metrics;

namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// The AI providers' instruments on the <c>MindPeeker.AiProviders</c> meter: <c>ai_inference_duration_seconds</c>
/// (histogram of model calls that were sent, tags <c>provider</c>, <c>model</c>, <c>outcome</c> = success, rate_limited
/// or failure) and <c>ai_provider_fallbacks_total</c> (a model failed or was skipped and the next one was asked). Thread-safe.
/// </summary>
internal sealed class AiProviderMetrics
{
    public const string MeterName = "MindPeeker.AiProviders";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _fallbacks;

    public AiProviderMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _duration = Meter.CreateHistogram<double>("ai_inference_duration_seconds", "s", "Duration of AI provider model calls.");
        _fallbacks = Meter.CreateCounter<long>("ai_provider_fallbacks_total", description: "Model calls that failed or were skipped, moving on to the next model.");
    }

    /// <summary>The meter the instruments belong to (one per service provider).</summary>
    public Meter Meter { get; }

    public void Called(string provider, string model, string outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new("provider", provider), new("model", model), new("outcome", outcome));

    public void FellBack(string provider, string model) => _fallbacks.Add(1, new("provider", provider), new("model", model));
}
