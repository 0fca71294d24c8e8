using MindPeeker.Grains.Analysis;

namespace MindPeeker.Grains.Tests.Analysis;

public sealed class CueFeaturizerTests
{
    public static TheoryData<int> ReferenceCueIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ReferenceData.Cues.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceCueIndexes))]
    public void Featurize_matches_the_python_featurizer_the_models_were_built_for(int cueIndex)
    {
        var features = CueFeaturizer.Featurize(ReferenceData.Cues[cueIndex]);

        features.Should().Equal(ReferenceData.Features(cueIndex), (actual, expected) => Math.Abs(actual - expected) <= 1e-6f);
    }

    [Fact]
    public void Featurize_is_L2_normalized_with_one_value_per_bucket()
    {
        var features = CueFeaturizer.Featurize("Describe the target location");

        features.Should().HaveCount(CueFeaturizer.FeatureCount);
        Math.Sqrt(features.Sum(value => (double)value * value)).Should().BeApproximately(1.0, 1e-6);
        features.Count(value => value > 0).Should().BeGreaterThan(10);
    }

    [Fact]
    public void Featurize_ignores_ascii_case_and_extra_whitespace()
    {
        CueFeaturizer.Featurize("  A Tall\tSTRUCTURE \r\n near water ")
            .Should().Equal(CueFeaturizer.Featurize("a tall structure near water"));
    }

    [Fact]
    public void Featurize_tells_different_cues_apart()
    {
        CueFeaturizer.Featurize("a tall structure near water")
            .Should().NotEqual(CueFeaturizer.Featurize("a quiet field far from water"));
    }

    [Fact]
    public void Featurize_reads_only_the_first_16384_code_points()
    {
        var prefix = string.Concat(Enumerable.Repeat("ab€", CueFeaturizer.MaxCodePoints / 3 + 1))[..CueFeaturizer.MaxCodePoints];

        CueFeaturizer.Featurize(prefix + "zzzz something else entirely")
            .Should().Equal(CueFeaturizer.Featurize(prefix));
    }

    [Fact]
    public void Featurize_reads_a_lone_surrogate_as_the_replacement_character()
    {
        CueFeaturizer.Featurize("ring \uD800 garden").Should().Equal(CueFeaturizer.Featurize("ring \uFFFD garden"));
    }
}
