using System.Text.RegularExpressions;

namespace MindPeeker.Deployment.Tests.Docker;

/// <summary>The repository's .dockerignore, matched the way Docker does: Go-style globs, <c>**</c> across folders, a folder pattern excludes everything under it, <c>!</c> re-includes, last match wins.</summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Exclude)> _rules;

    private DockerIgnore(List<(Regex Pattern, bool Exclude)> rules) => _rules = rules;

    public static DockerIgnore Load()
    {
        var rules = new List<(Regex, bool)>();
        foreach (var rawLine in File.ReadLines(RepositoryFiles.FullPath(".dockerignore")))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var exclude = !line.StartsWith('!');
            var pattern = line.TrimStart('!').Trim('/');
            rules.Add((ToRegex(pattern), exclude));
        }

        return new DockerIgnore(rules);
    }

    /// <summary>Whether the build context leaves out <paramref name="relativePath"/> (forward slashes, from the repository root).</summary>
    public bool Excludes(string relativePath)
    {
        var parts = relativePath.Split('/');
        var excluded = false;
        foreach (var (pattern, exclude) in _rules)
        {
            // A pattern matching a parent folder excludes everything beneath it.
            for (var length = 1; length <= parts.Length; length++)
            {
                if (pattern.IsMatch(string.Join('/', parts[..length])))
                {
                    excluded = exclude;
                    break;
                }
            }
        }

        return excluded;
    }

    private static Regex ToRegex(string glob)
    {
        var regex = Regex.Escape(glob)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{regex}$", RegexOptions.CultureInvariant);
    }
}
