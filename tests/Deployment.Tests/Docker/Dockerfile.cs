using System.Text.Json;
using System.Text.RegularExpressions;

namespace MindPeeker.Deployment.Tests.Docker;

/// <summary>
/// A Dockerfile split into its build stages, with <c>ARG</c> defaults substituted into <c>FROM</c>, so a test can ask
/// what a given <c>--target</c> (default: the last stage) starts from, exposes, runs as and starts.
/// </summary>
internal sealed partial class Dockerfile
{
    private readonly List<Stage> _stages;

    private Dockerfile(string relativePath, List<Stage> stages)
    {
        RelativePath = relativePath;
        _stages = stages;
    }

    public string RelativePath { get; }

    /// <summary>Every project a <c>dotnet publish</c> step builds (repository-relative paths).</summary>
    public IReadOnlySet<string> PublishedProjects => _stages.SelectMany(stage => stage.Instructions)
        .Where(instruction => instruction.Instruction == "RUN")
        .Select(instruction => PublishCommand().Match(instruction.Arguments))
        .Where(match => match.Success)
        .Select(match => match.Groups[1].Value)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The stage <c>docker build --target</c> <paramref name="target"/> produces; the last stage without a target.</summary>
    public Stage Target(string? target) =>
        target is null ? _stages[^1] : _stages.SingleOrDefault(stage => stage.Name == target)
            ?? throw new InvalidDataException($"{RelativePath} has no stage '{target}'.");

    /// <summary>The external image a stage ultimately starts from, following <c>FROM &lt;stage&gt;</c>.</summary>
    public string BaseImage(Stage stage) => StageNamed(stage.From) is { } parent ? BaseImage(parent) : stage.From;

    /// <summary>The stage's own instructions after those it inherits through <c>FROM &lt;stage&gt;</c>.</summary>
    public IReadOnlyList<(string Instruction, string Arguments)> EffectiveInstructions(Stage stage) =>
        StageNamed(stage.From) is { } parent ? [.. EffectiveInstructions(parent), .. stage.Instructions] : stage.Instructions;

    /// <summary>Whether the image of <paramref name="stage"/> holds the ASP.NET Core runtime: it starts from it, or copies it out of a stage that does.</summary>
    public bool HasAspNetCoreRuntime(Stage stage)
    {
        if (BaseImage(stage).Contains("dotnet/aspnet", StringComparison.Ordinal))
        {
            return true;
        }

        return EffectiveInstructions(stage).Any(instruction =>
            instruction.Instruction == "COPY"
            && CopyFrom().Match(instruction.Arguments) is { Success: true } match
            && StageNamed(match.Groups[1].Value) is { } source
            && BaseImage(source).Contains("dotnet/aspnet", StringComparison.Ordinal)
            && match.Groups[2].Value.StartsWith("/usr/share/dotnet", StringComparison.Ordinal));
    }

    public IReadOnlyList<string> EntryPoint(Stage stage)
    {
        var entryPoint = EffectiveInstructions(stage).LastOrDefault(instruction => instruction.Instruction == "ENTRYPOINT").Arguments;
        return entryPoint is not null && entryPoint.StartsWith('[') ? JsonSerializer.Deserialize<List<string>>(entryPoint) ?? [] : [];
    }

    public IReadOnlySet<long> ExposedPorts(Stage stage) => EffectiveInstructions(stage).Where(instruction => instruction.Instruction == "EXPOSE")
        .SelectMany(instruction => instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(port => long.Parse(port.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
        .ToHashSet();

    public string? User(Stage stage) => EffectiveInstructions(stage).LastOrDefault(instruction => instruction.Instruction == "USER").Arguments;

    public static Dockerfile Load(string relativePath)
    {
        var globalArgs = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new List<Stage>();
        foreach (var (instruction, arguments) in ReadInstructions(relativePath))
        {
            if (instruction == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var from = ArgReference().Replace(parts[0], match => globalArgs.GetValueOrDefault(match.Groups[1].Value, match.Value));
                var name = parts.Length == 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null;
                stages.Add(new Stage(name, from));
            }
            else if (stages.Count == 0)
            {
                if (instruction == "ARG" && arguments.Split('=', 2) is [var argName, var value])
                {
                    globalArgs[argName.Trim()] = value.Trim();
                }
            }
            else
            {
                stages[^1].Instructions.Add((instruction, arguments));
            }
        }

        if (stages.Count == 0)
        {
            throw new InvalidDataException($"{relativePath} has no FROM.");
        }

        return new Dockerfile(relativePath, stages);
    }

    public override string ToString() => RelativePath;

    private Stage? StageNamed(string name) => _stages.FirstOrDefault(stage => stage.Name == name);

    private static List<(string Instruction, string Arguments)> ReadInstructions(string relativePath)
    {
        var instructions = new List<(string, string)>();
        var pending = string.Empty;
        foreach (var rawLine in File.ReadLines(RepositoryFiles.FullPath(relativePath)))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = string.Empty;
            if (whole.Length == 0)
            {
                continue;
            }

            var space = whole.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add(space < 0
                ? (whole.ToUpperInvariant(), string.Empty)
                : (whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
        }

        return instructions;
    }

    [GeneratedRegex(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")]
    private static partial Regex ArgReference();

    [GeneratedRegex(@"dotnet publish (\S+\.csproj)")]
    private static partial Regex PublishCommand();

    [GeneratedRegex(@"--from=(\S+)\s+(\S+)")]
    private static partial Regex CopyFrom();

    /// <summary>One <c>FROM</c> section: its name (<c>AS</c>), what it starts from, and its instructions.</summary>
    internal sealed class Stage(string? name, string from)
    {
        public string? Name { get; } = name;

        public string From { get; } = from;

        public List<(string Instruction, string Arguments)> Instructions { get; } = [];

        public override string ToString() => Name ?? From;
    }
}
