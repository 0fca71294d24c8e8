using System.Text.RegularExpressions;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>Every file under k8s/ is valid YAML of a known Kubernetes kind, and every overlay renders into its own namespace.</summary>
public sealed partial class ManifestFileTests
{
    // The API versions a current cluster serves for the kinds we use; an old or misspelled one fails kubectl apply.
    private static readonly Dictionary<string, string> ApiVersions = new(StringComparer.Ordinal)
    {
        ["Namespace"] = "v1",
        ["ConfigMap"] = "v1",
        ["Secret"] = "v1",
        ["Service"] = "v1",
        ["Deployment"] = "apps/v1",
        ["PodDisruptionBudget"] = "policy/v1",
        ["HorizontalPodAutoscaler"] = "autoscaling/v2",
        ["Kustomization"] = "kustomize.config.k8s.io/v1beta1",
    };

    [Fact]
    public void Every_yaml_file_under_k8s_is_a_known_kind_with_a_valid_name()
    {
        var files = Directory.EnumerateFiles(RepositoryFiles.K8sDirectory, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
            .ToList();
        files.Should().NotBeEmpty("k8s/ holds the manifests");

        var problems = new List<string>();
        foreach (var file in files)
        {
            var where = RepositoryFiles.Relative(file);
            IReadOnlyList<Dictionary<string, object?>> documents;
            try
            {
                documents = YamlDocuments.Load(file);
            }
            catch (InvalidDataException exception)
            {
                problems.Add(exception.Message);
                continue;
            }

            if (documents.Count == 0)
            {
                problems.Add($"{where} holds no document.");
            }

            foreach (var document in documents)
            {
                var kind = document.Text("kind");
                var name = document.Map("metadata").Text("name");
                if (kind is null || !ApiVersions.TryGetValue(kind, out var apiVersion))
                {
                    problems.Add($"{where}: kind '{kind}' is not one the manifests are expected to use.");
                    continue;
                }

                if (document.Text("apiVersion") != apiVersion)
                {
                    problems.Add($"{where}: {kind}/{name} has apiVersion '{document.Text("apiVersion")}', expected {apiVersion}.");
                }

                if (kind != "Kustomization" && (name is null || !DnsName().IsMatch(name) || name.Length > 63))
                {
                    problems.Add($"{where}: {kind} has name '{name}', which is not a DNS label.");
                }
            }
        }

        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Overlay_renders_every_object_into_its_own_namespace(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var ns = rendered.OfKind("Namespace").Select(manifest => manifest.Name).ToList();

        ns.Should().ContainSingle($"{rendered} creates the namespace it deploys into");
        var problems = rendered.Objects
            .Where(manifest => manifest.Kind != "Namespace" && manifest.Namespace != ns[0])
            .Select(manifest => $"{manifest} is in namespace '{manifest.Namespace}', not {ns[0]}.")
            .ToList();
        problems.Should().BeEmpty();
        rendered.Deployments.Should().NotBeEmpty();
    }

    [Fact]
    public void Overlays_use_distinct_namespaces_and_cluster_ids_so_environments_never_join_each_other()
    {
        var rendered = Overlay.All.Select(overlay => overlay.Render()).ToList();
        var namespaces = rendered.Select(overlay => overlay.OfKind("Namespace").Single().Name).ToList();
        var clusterIds = rendered.Select(overlay => overlay.Find("ConfigMap", "mindpeeker-config")?.Body.Map("data").Text("CLUSTER_ID")).ToList();

        namespaces.Should().OnlyHaveUniqueItems();
        clusterIds.Should().NotContainNulls().And.OnlyHaveUniqueItems("two environments sharing a database must not share a membership table partition");
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void String_fields_are_strings_not_unquoted_booleans_or_numbers(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        foreach (var manifest in rendered.Objects)
        {
            var maps = new List<(string Field, Dictionary<string, object?>? Node)>
            {
                ("metadata.labels", manifest.Body.At("metadata.labels")),
                ("metadata.annotations", manifest.Body.At("metadata.annotations")),
                ("spec.selector.matchLabels", manifest.Body.At("spec.selector.matchLabels")),
                ("spec.selector", manifest.Kind == "Service" ? manifest.Body.At("spec.selector") : null),
                ("spec.template.metadata.labels", manifest.Body.At("spec.template.metadata.labels")),
                ("spec.template.spec.nodeSelector", manifest.PodSpec.Map("nodeSelector")),
                ("data", manifest.Kind is "ConfigMap" or "Secret" ? manifest.Body.Map("data") : null),
                ("stringData", manifest.Body.Map("stringData")),
            };
            foreach (var (field, node) in maps)
            {
                problems.AddRange((node ?? []).Where(pair => pair.Value is not string)
                    .Select(pair => $"{manifest}: {field}.{pair.Key} is {Tree.Display(pair.Value)}, which the API rejects: quote it."));
            }

            foreach (var container in manifest.Containers)
            {
                problems.AddRange(container.Maps("env").Where(variable => variable.Has("value") && variable.Value("value") is not string)
                    .Select(variable => $"{manifest}: env {variable.Text("name")} is {Tree.Display(variable.Value("value"))}: quote it."));
                problems.AddRange((container.List("args") ?? []).Concat(container.At("lifecycle.preStop.exec").List("command") ?? [])
                    .Where(argument => argument is not string)
                    .Select(argument => $"{manifest}: command argument {Tree.Display(argument)} must be a string."));
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_manifest_file_is_used_by_a_kustomization_except_the_secret_template()
    {
        var kustomizations = Directory.EnumerateFiles(RepositoryFiles.K8sDirectory, "kustomization.yaml", SearchOption.AllDirectories).ToList();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kustomization in kustomizations)
        {
            var document = YamlDocuments.Load(kustomization).Single();
            var folder = Path.GetDirectoryName(kustomization)!;
            var paths = (document.List("resources") ?? []).OfType<string>()
                .Concat(document.Maps("patches").Select(patch => patch.Text("path")).OfType<string>());
            referenced.UnionWith(paths.Select(path => Path.GetFullPath(Path.Combine(folder, path))));
        }

        var unused = Directory.EnumerateFiles(RepositoryFiles.K8sDirectory, "*.yaml", SearchOption.AllDirectories)
            .Where(file => !kustomizations.Contains(file) && !referenced.Contains(file))
            .Select(RepositoryFiles.Relative)
            .ToList();

        unused.Should().Equal([SecretTemplate.RelativePath], "a manifest or patch no kustomization lists would silently not be applied");
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsName();
}
