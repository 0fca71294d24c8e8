using System.Security.Cryptography;
using System.Text;

namespace MindPeeker.Grains.Caching;

/// <summary>
/// Identifies one cached answer: the model that produced it, the model's version and the SHA-256 of the normalized
/// input (hex). <see cref="ToString"/> gives the storage key, <c>{kind}:{model}:{version}:{hash}</c>.
/// </summary>
public sealed record CacheKey(string Kind, string Model, string Version, string InputHash)
{
    /// <summary>Kind of an inference result of a local model.</summary>
    public const string InferenceKind = "inference";

    /// <summary>Kind of an AI provider's answer to a prompt.</summary>
    public const string PromptKind = "prompt";

    /// <summary>
    /// The key of <paramref name="parts"/> run through <paramref name="model"/> at <paramref name="version"/>. Each part is
    /// normalized (see <see cref="Normalize"/>) and the parts are hashed with their lengths, so no two different
    /// inputs share a hash by concatenation.
    /// </summary>
    public static CacheKey For(string kind, string model, string version, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(parts);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(Normalize(part ?? string.Empty));
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return new CacheKey(kind, model, version, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>
    /// The normalized form of an input: runs of space, tab, CR, LF, VT and FF collapse into one space and the ends are
    /// trimmed — differences the analysis models do not see either (they featurize the same way).
    /// </summary>
    public static string Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var builder = new StringBuilder(input.Length);
        var pendingSpace = false;
        foreach (var c in input)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public override string ToString() => $"{Kind}:{Model}:{Version}:{InputHash}";
}
