using System.Buffers;
using System.Text.Json;
using MindPeeker.Grains.Abstractions.Analysis;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// Turns one head's probabilities into a finding: the most probable label is the answer, its probability the
/// confidence (rounded to 4 decimals, as <c>confidence_score DECIMAL(5,4)</c> stores it), met when that rounded
/// score is at least the threshold. <c>data</c> keeps every label's raw probability.
/// </summary>
internal static class FindingBuilder
{
    public static AnalysisFinding Build(ReferenceModel model, AnalysisHead head, ReadOnlySpan<float> probabilities, double threshold)
    {
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        var score = Math.Round((decimal)probabilities[best], 4, MidpointRounding.AwayFromZero);
        var meetsThreshold = score >= (decimal)threshold;

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("label", head.Labels[best]);
            writer.WriteNumber("score", score);
            writer.WriteNumber("threshold", threshold);
            writer.WriteBoolean("meets_threshold", meetsThreshold);
            writer.WriteStartObject("model_outputs");
            for (var i = 0; i < probabilities.Length; i++)
            {
                writer.WriteNumber(head.Labels[i], probabilities[i]);
            }

            writer.WriteEndObject();
            writer.WriteString("featurizer", CueFeaturizer.Id);
            writer.WriteNumber("features", CueFeaturizer.FeatureCount);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new AnalysisFinding(head.AnalysisType, score, meetsThreshold, document.RootElement.Clone(), model.Info);
    }
}
