using MindPeeker.Grains.Analysis;

namespace MindPeeker.Grains.Tests.Analysis;

public sealed class ModelInferenceTests(AnalysisEngineFixture engine) : IClassFixture<AnalysisEngineFixture>
{
    public static TheoryData<string> SessionTypes() => [.. AnalysisTypes.BySessionType.Keys];

    [Theory]
    [MemberData(nameof(SessionTypes))]
    public void Every_head_of_every_model_scores_a_whole_batch_as_numpy_does(string sessionType)
    {
        var model = engine.Catalog.Get(sessionType);
        var cues = ReferenceData.Cues;
        var batch = cues.SelectMany(CueFeaturizer.Featurize).ToArray();

        foreach (var analysisType in AnalysisTypes.BySessionType[sessionType])
        {
            var head = model.Descriptor.Heads[analysisType];
            var scores = model.Score(batch, cues.Count, head);

            head.Labels.Should().Equal(ReferenceData.Labels(sessionType, analysisType));
            scores.Should().HaveCount(cues.Count * head.Labels.Count);
            for (var row = 0; row < cues.Count; row++)
            {
                var actual = scores.AsSpan(row * head.Labels.Count, head.Labels.Count).ToArray();
                actual.Should().Equal(ReferenceData.Scores(sessionType, analysisType, row),
                    (a, e) => Math.Abs(a - e) <= 1e-5, "{0}/{1} of cue #{2}", sessionType, analysisType, row);
                actual.Sum().Should().BeApproximately(1f, 1e-5f, "a head is a softmax over its labels");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SessionTypes))]
    public void Each_model_says_what_it_is(string sessionType)
    {
        var model = engine.Catalog.Get(sessionType);

        model.Descriptor.SessionType.Should().Be(sessionType);
        model.Info.Name.Should().Be(ReferenceData.Model(sessionType).GetProperty("name").GetString())
            .And.StartWith("mindpeeker-reference-");
        model.Info.Version.Should().Be("1.0.0-reference");
        model.Descriptor.Description.Should().Contain("not a trained predictor");
        model.Descriptor.Heads.Keys.Should().BeEquivalentTo(AnalysisTypes.BySessionType[sessionType]);
    }

    [Fact]
    public void Batched_and_single_inference_agree()
    {
        var model = engine.Catalog.Get("remote_viewing");
        var head = model.Descriptor.Heads["visual"];
        var cues = ReferenceData.Cues;

        var batched = model.Score(cues.SelectMany(CueFeaturizer.Featurize).ToArray(), cues.Count, head);
        var single = cues.SelectMany(cue => model.Score(CueFeaturizer.Featurize(cue), 1, head)).ToArray();

        single.Should().Equal(batched, (a, b) => Math.Abs(a - b) <= 1e-6f);
    }
}
