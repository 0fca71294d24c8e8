using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Analysis;

namespace MindPeeker.Grains.Tests.Analysis;

public sealed class CueAnalyzerTests(AnalysisEngineFixture engine) : IClassFixture<AnalysisEngineFixture>
{
    private const int CueIndex = 2; // "Will the lost ring be found in the garden?"

    [Fact]
    public void Analyze_reports_the_most_probable_label_with_its_rounded_probability()
    {
        var expected = ReferenceData.Scores("dowsing", "yes_no", CueIndex);
        var best = Array.IndexOf(expected, expected.Max());

        var finding = engine.Analyzer.Analyze(new AnalysisInput("dowsing", ReferenceData.Cues[CueIndex], "yes_no", 0.5));

        finding.ResultType.Should().Be("yes_no");
        finding.ConfidenceScore.Should().Be(Math.Round((decimal)expected[best], 4));
        finding.Model.Should().Be(new ModelInfo("mindpeeker-reference-dowsing", "1.0.0-reference"));
        finding.Data.GetProperty("label").GetString().Should().Be(ReferenceData.Labels("dowsing", "yes_no")[best]);
        finding.Data.GetProperty("score").GetDecimal().Should().Be(finding.ConfidenceScore);
        finding.Data.GetProperty("threshold").GetDouble().Should().Be(0.5);
        finding.Data.GetProperty("features").GetInt32().Should().Be(CueFeaturizer.FeatureCount);
        var outputs = finding.Data.GetProperty("model_outputs");
        outputs.EnumerateObject().Select(output => output.Name).Should().Equal("no", "yes");
        outputs.GetProperty("yes").GetDouble().Should().BeApproximately(expected[1], 1e-5);
    }

    [Fact]
    public void Analyze_meets_a_threshold_equal_to_the_rounded_score_and_misses_one_just_above()
    {
        var input = new AnalysisInput("precognition", ReferenceData.Cues[CueIndex], "temporal", 0);
        var score = engine.Analyzer.Analyze(input).ConfidenceScore;

        var atScore = engine.Analyzer.Analyze(input with { ConfidenceThreshold = (double)score });
        var aboveScore = engine.Analyzer.Analyze(input with { ConfidenceThreshold = (double)(score + 0.0001m) });

        atScore.MeetsThreshold.Should().BeTrue();
        atScore.Data.GetProperty("meets_threshold").GetBoolean().Should().BeTrue();
        aboveScore.MeetsThreshold.Should().BeFalse();
        aboveScore.Data.GetProperty("meets_threshold").GetBoolean().Should().BeFalse();
        aboveScore.ConfidenceScore.Should().Be(score, "the threshold decides only whether the finding counts");
    }

    [Fact]
    public void Analyze_gives_one_finding_per_requested_analysis_type_from_that_types_head()
    {
        var cue = ReferenceData.Cues[CueIndex];

        var findings = AnalysisTypes.BySessionType["remote_viewing"]
            .Select(type => engine.Analyzer.Analyze(new AnalysisInput("remote_viewing", cue, type, 0.8)))
            .ToList();

        findings.Select(finding => finding.ResultType).Should().Equal("visual", "spatial", "geographical", "object");
        foreach (var finding in findings)
        {
            var expected = ReferenceData.Scores("remote_viewing", finding.ResultType, CueIndex);
            finding.ConfidenceScore.Should().Be(Math.Round((decimal)expected.Max(), 4));
            finding.MeetsThreshold.Should().Be(finding.ConfidenceScore >= 0.8m);
            finding.Data.GetProperty("model_outputs").EnumerateObject().Select(output => output.Name)
                .Should().Equal(ReferenceData.Labels("remote_viewing", finding.ResultType));
        }
    }

    [Theory]
    [InlineData("astral_projection", "visual", "Unknown session type 'astral_projection'")]
    [InlineData("dowsing", "visual", "Analysis type 'visual' is not supported for session type 'dowsing'; expected one of: yes_no, location.")]
    [InlineData("REMOTE_VIEWING", "visual", "Unknown session type 'REMOTE_VIEWING'")]
    public void Analyze_refuses_an_unknown_session_type_or_an_unsupported_analysis_type(string sessionType, string analysisType, string message)
    {
        var act = () => engine.Analyzer.Analyze(new AnalysisInput(sessionType, "cue", analysisType, 0.8));

        act.Should().Throw<ArgumentException>().WithMessage(message + "*");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Analyze_refuses_a_threshold_outside_zero_to_one(double threshold)
    {
        var act = () => engine.Analyzer.Analyze(new AnalysisInput("dowsing", "cue", "yes_no", threshold));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("The confidence threshold must be between 0 and 1.*");
    }
}
