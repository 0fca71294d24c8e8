namespace MindPeeker.Grains.Analysis;

/// <summary>One row of a batched run: a cue's features (<see cref="CueFeaturizer.FeatureCount"/> floats) and the head whose probabilities it wants.</summary>
internal readonly record struct ScoreRequest(float[] Features, AnalysisHead Head);
