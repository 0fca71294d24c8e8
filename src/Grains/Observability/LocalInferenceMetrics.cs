using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MindPeeker.Grains.Observability;

/// <summary>
/// Local ONNX Runtime inference on the <c>MindPeeker.Inference</c> meter: <c>ai_inference_duration_seconds</c> with
/// <c>provider</c> = <c>onnx</c>, <c>model</c> and <c>outcome</c> = success or failure, one observation per model run (a
/// batch of analyses). It shares the name and labels of the AI providers' histogram, so <c>/metrics</c> shows local and
/// remote inference as one family and model availability is computed over both. A singleton; thread-safe.
/// </summary>
internal sealed class LocalInferenceMetrics
{
    public const string MeterName = "MindPeeker.Inference";

    private readonly Histogram<double> _duration;
    private readonly TimeProvider _timeProvider;

    public LocalInferenceMetrics(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _duration = meterFactory.Create(MeterName).CreateHistogram<double>("ai_inference_duration_seconds", "s", "Duration of model inference calls.");
    }

    /// <summary>Runs <paramref name="run"/> on <paramref name="input"/> and records how long it took and whether it threw.</summary>
    public TResult Measure<TInput, TResult>(string model, Func<TInput, TResult> run, TInput input)
    {
        var started = _timeProvider.GetTimestamp();
        var outcome = "failure";
        try
        {
            var result = run(input);
            outcome = "success";
            return result;
        }
        finally
        {
            var tags = new TagList { { "provider", "onnx" }, { "model", model }, { "outcome", outcome } };
            _duration.Record(_timeProvider.GetElapsedTime(started).TotalSeconds, in tags);
        }
    }
}
