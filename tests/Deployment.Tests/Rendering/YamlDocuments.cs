using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MindPeeker.Deployment.Tests.Rendering;

/// <summary>
/// Reads YAML files into plain trees: <see cref="Dictionary{TKey,TValue}"/> for mappings, <see cref="List{T}"/> for
/// sequences, and for scalars what Kubernetes would see (YAML 1.2 core schema): a plain <c>true</c> is a
/// <see cref="bool"/>, a plain <c>1</c> a <see cref="long"/>, a plain <c>null</c> or empty value <see langword="null"/>,
/// anything quoted a <see cref="string"/>. Keeping the types is what lets the tests catch an unquoted
/// <c>"true"</c> where the API wants a string.
/// </summary>
internal static partial class YamlDocuments
{
    /// <summary>Every non-empty document of <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file when it is not valid YAML.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> Load(string path)
    {
        try
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                stream.Load(reader);
            }

            return ToTrees(stream, path);
        }
        catch (Exception exception) when (exception is YamlException or ArgumentException)
        {
            // ArgumentException: a key repeated in one mapping.
            throw new InvalidDataException($"{RepositoryFiles.Relative(path)} is not valid YAML: {exception.Message}", exception);
        }
    }

    private static List<Dictionary<string, object?>> ToTrees(YamlStream stream, string path)
    {
        var documents = new List<Dictionary<string, object?>>();
        foreach (var document in stream.Documents)
        {
            var root = Convert(document.RootNode);
            if (root is null)
            {
                continue;
            }

            if (root is not Dictionary<string, object?> mapping)
            {
                throw new InvalidDataException($"{RepositoryFiles.Relative(path)}: a document is not a mapping.");
            }

            documents.Add(mapping);
        }

        return documents;
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? string.Empty,
            pair => Convert(pair.Value),
            StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new InvalidDataException($"Unsupported YAML node {node.NodeType} at {node.Start}."),
    };

    private static object? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return text;
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return bool.Parse(text);
        }

        if (IntegerPattern().IsMatch(text))
        {
            return long.Parse(text, CultureInfo.InvariantCulture);
        }

        if (FloatPattern().IsMatch(text))
        {
            return double.Parse(text, CultureInfo.InvariantCulture);
        }

        return text;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
