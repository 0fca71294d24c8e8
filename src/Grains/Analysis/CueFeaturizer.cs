using System.Text;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// Turns a cue into the reference models' input: a hashed bag of character n-grams, L2-normalized.
/// Deterministic and identical, number for number, to <c>featurize</c> in
/// <c>Analysis/Models/build_models.py</c>. Encrypted cues are opaque text and go through the same path.
/// Thread-safe (no state).
/// </summary>
/// <remarks>
/// Steps: ASCII letters lower-cased (nothing else is case-folded or Unicode-normalized, so the result does
/// not depend on ICU data); runs of space, tab, CR, LF, VT and FF collapse into one space, trimmed; lone
/// surrogates become U+FFFD; at most <see cref="MaxCodePoints"/> code points are kept; the text is padded
/// with one space on each side; every 2-, 3- and 4-code-point n-gram is hashed (FNV-1a 32 over its UTF-8
/// bytes) into one of <see cref="FeatureCount"/> buckets; the counts are divided by their L2 norm.
/// </remarks>
internal static class CueFeaturizer
{
    /// <summary>Identifies this featurizer; the models name the one they were built for.</summary>
    public const string Id = "mindpeeker-char-ngram-v1";

    public const int FeatureCount = 256;

    public const int NgramMin = 2;

    public const int NgramMax = 4;

    public const int MaxCodePoints = 16384;

    private const uint FnvOffset = 0x811C9DC5;
    private const uint FnvPrime = 0x01000193;

    public static float[] Featurize(string cue)
    {
        var features = new float[FeatureCount];
        Featurize(cue, features);
        return features;
    }

    /// <summary>Writes the cue's features into <paramref name="destination"/> (length <see cref="FeatureCount"/>).</summary>
    public static void Featurize(string cue, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(cue);
        ArgumentOutOfRangeException.ThrowIfNotEqual(destination.Length, FeatureCount, nameof(destination));

        var padded = NormalizeAndPad(cue);
        Span<long> counts = stackalloc long[FeatureCount];
        counts.Clear();
        Span<byte> utf8 = stackalloc byte[4 * NgramMax];
        for (var n = NgramMin; n <= NgramMax; n++)
        {
            for (var start = 0; start + n <= padded.Count; start++)
            {
                var length = 0;
                for (var i = start; i < start + n; i++)
                {
                    length += padded[i].EncodeToUtf8(utf8[length..]);
                }

                counts[(int)(Fnv1a32(utf8[..length]) % FeatureCount)]++;
            }
        }

        long sumOfSquares = 0;
        foreach (var count in counts)
        {
            sumOfSquares += count * count;
        }

        var norm = Math.Sqrt(sumOfSquares);
        for (var i = 0; i < FeatureCount; i++)
        {
            destination[i] = norm == 0 ? 0f : (float)(counts[i] / norm);
        }
    }

    /// <summary>The normalized cue as code points, padded with one space on each side.</summary>
    private static List<Rune> NormalizeAndPad(string cue)
    {
        var padded = new List<Rune>(Math.Min(cue.Length, MaxCodePoints) + 2) { new(' ') };
        var pendingSpace = false;
        var index = 0;
        while (index < cue.Length && padded.Count - 1 < MaxCodePoints)
        {
            // An invalid UTF-16 sequence (a lone surrogate) decodes as U+FFFD, consuming one char.
            Rune.DecodeFromUtf16(cue.AsSpan(index), out var rune, out var consumed);
            index += consumed;
            if (IsCollapsedWhitespace(rune))
            {
                pendingSpace = padded.Count > 1;
                continue;
            }

            if (pendingSpace)
            {
                padded.Add(new Rune(' '));
                pendingSpace = false;
                if (padded.Count - 1 == MaxCodePoints)
                {
                    break;
                }
            }

            padded.Add(rune.Value is >= 'A' and <= 'Z' ? new Rune(rune.Value + 32) : rune);
        }

        padded.Add(new Rune(' '));
        return padded;
    }

    private static bool IsCollapsedWhitespace(Rune rune) => rune.Value is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';

    private static uint Fnv1a32(ReadOnlySpan<byte> bytes)
    {
        var hash = FnvOffset;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return hash;
    }
}
