using System.Text.RegularExpressions;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>
/// Every ConfigMap, Secret and volume a pod refers to exists with the key it reads, so no pod sits in
/// CreateContainerConfigError after an apply. The Secret comes from k8s/base/secret.template.yaml: operators create
/// it with exactly the template's keys (see <see cref="SecretTemplateTests"/>).
/// </summary>
public sealed partial class ReferenceTests
{
    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Every_config_map_and_secret_reference_resolves_to_an_existing_key(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var configMaps = rendered.OfKind("ConfigMap").ToDictionary(manifest => manifest.Name, Keys, StringComparer.Ordinal);
        var secrets = rendered.OfKind("Secret").Concat([SecretTemplate.Load()]).ToDictionary(manifest => manifest.Name, Keys, StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var deployment in rendered.Deployments)
        {
            foreach (var container in deployment.Containers)
            {
                var where = $"{deployment} container {container.Text("name")}";
                foreach (var variable in container.Maps("env"))
                {
                    Check(variable.At("valueFrom.configMapKeyRef"), configMaps, "ConfigMap", $"{where} env {variable.Text("name")}", problems);
                    Check(variable.At("valueFrom.secretKeyRef"), secrets, "Secret", $"{where} env {variable.Text("name")}", problems);
                }

                foreach (var source in container.Maps("envFrom"))
                {
                    CheckWhole(source.Map("configMapRef"), configMaps, "ConfigMap", $"{where} envFrom", problems);
                    CheckWhole(source.Map("secretRef"), secrets, "Secret", $"{where} envFrom", problems);
                }
            }

            foreach (var volume in deployment.PodSpec.Maps("volumes"))
            {
                CheckWhole(volume.Map("configMap") is { } map ? new() { ["name"] = map.Text("name") } : null, configMaps, "ConfigMap", $"{deployment} volume {volume.Text("name")}", problems);
                CheckWhole(volume.Map("secret") is { } secret ? new() { ["name"] = secret.Text("secretName") } : null, secrets, "Secret", $"{deployment} volume {volume.Text("name")}", problems);
            }
        }

        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Every_volume_mount_names_a_volume_of_its_pod(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        foreach (var deployment in rendered.Deployments)
        {
            var volumes = deployment.PodSpec.Maps("volumes").Select(volume => volume.Text("name")).ToHashSet(StringComparer.Ordinal);
            foreach (var container in deployment.Containers)
            {
                problems.AddRange(container.Maps("volumeMounts").Where(mount => !volumes.Contains(mount.Text("name")))
                    .Select(mount => $"{deployment} container {container.Text("name")} mounts volume '{mount.Text("name")}', which the pod does not declare."));
            }
        }

        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Config_maps_loaded_whole_have_only_valid_environment_variable_names(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var loadedWhole = rendered.Deployments.SelectMany(deployment => deployment.Containers)
            .SelectMany(container => container.Maps("envFrom"))
            .Select(source => source.Map("configMapRef").Text("name"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var problems = rendered.OfKind("ConfigMap").Where(configMap => loadedWhole.Contains(configMap.Name))
            .SelectMany(configMap => Keys(configMap).Where(key => !EnvironmentVariableName().IsMatch(key))
                .Select(key => $"{configMap}: key '{key}' is loaded with envFrom but is not a portable variable name (use __ for ':')."))
            .ToList();
        problems.Should().BeEmpty();
    }

    private static HashSet<string> Keys(Manifest manifest) =>
        (manifest.Body.Map("data") ?? []).Keys.Concat((manifest.Body.Map("stringData") ?? []).Keys).ToHashSet(StringComparer.Ordinal);

    private static void Check(Dictionary<string, object?>? reference, Dictionary<string, HashSet<string>> known, string kind, string where, List<string> problems)
    {
        if (reference is null)
        {
            return;
        }

        var name = reference.Text("name");
        var key = reference.Text("key");
        if (reference.Value("optional") is true)
        {
            problems.Add($"{where} marks {kind} {name} optional: a missing value would start the pod misconfigured instead of failing.");
        }

        if (name is null || !known.TryGetValue(name, out var keys))
        {
            problems.Add($"{where} reads {kind} '{name}', which the overlay does not define.");
        }
        else if (key is null || !keys.Contains(key))
        {
            problems.Add($"{where} reads key '{key}' of {kind} {name}, which has only {string.Join(", ", keys)}.");
        }
    }

    private static void CheckWhole(Dictionary<string, object?>? reference, Dictionary<string, HashSet<string>> known, string kind, string where, List<string> problems)
    {
        if (reference is not null && (reference.Text("name") is not { } name || !known.ContainsKey(name)))
        {
            problems.Add($"{where} loads {kind} '{reference.Text("name")}', which the overlay does not define.");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariableName();
}
