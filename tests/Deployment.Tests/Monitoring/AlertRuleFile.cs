using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests.Monitoring;

/// <summary>The rule file inside k8s/base/monitoring/alert-rules.yaml's ConfigMap, parsed.</summary>
internal static class AlertRuleFile
{
    public const string Key = "mindpeeker-alerts.rules.yaml";

    public static string Path => RepositoryFiles.FullPath("k8s/base/monitoring/alert-rules.yaml");

    /// <summary>Every rule of every group.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> Rules()
    {
        var configMap = YamlDocuments.Load(Path).Single();
        var text = configMap.Map("data").Text(Key) ?? throw new InvalidDataException($"{Path} has no data key {Key}.");
        var file = System.IO.Path.Combine(Directory.CreateTempSubdirectory("mindpeeker-rules-").FullName, Key);
        File.WriteAllText(file, text);
        var groups = YamlDocuments.Load(file).Single().Maps("groups").ToList();
        groups.Should().NotBeEmpty();
        return [.. groups.SelectMany(group => group.Maps("rules"))];
    }
}
