namespace MindPeeker.Deployment.Tests.Rendering;

/// <summary>
/// Renders a kustomization the way <c>kubectl kustomize</c> does, for the subset of kustomize k8s/ uses:
/// <c>resources</c> (files and kustomization folders), <c>patches</c> (strategic merge, by path, each patch naming its
/// target by apiVersion, kind and name), <c>namespace</c> and <c>images</c>. Any other field is refused, so the
/// manifests cannot drift into features whose effect these tests would not see.
/// </summary>
internal static class KustomizeRenderer
{
    private static readonly HashSet<string> SupportedFields = new(StringComparer.Ordinal)
    {
        "apiVersion", "kind", "resources", "patches", "namespace", "images",
    };

    // Objects without a namespace; the namespace transformer leaves them alone.
    private static readonly HashSet<string> ClusterScopedKinds = new(StringComparer.Ordinal)
    {
        "Namespace", "ClusterRole", "ClusterRoleBinding", "PriorityClass", "StorageClass",
    };

    /// <summary>Renders the kustomization in <paramref name="directory"/>; throws <see cref="InvalidDataException"/> naming the file at fault.</summary>
    public static IReadOnlyList<Manifest> Render(string directory)
    {
        var kustomizationPath = Path.Combine(directory, "kustomization.yaml");
        var where = RepositoryFiles.Relative(kustomizationPath);
        if (!File.Exists(kustomizationPath))
        {
            throw new InvalidDataException($"{RepositoryFiles.Relative(directory)} has no kustomization.yaml.");
        }

        var documents = YamlDocuments.Load(kustomizationPath);
        if (documents.Count != 1)
        {
            throw new InvalidDataException($"{where} must hold exactly one document.");
        }

        var kustomization = documents[0];
        var unsupported = kustomization.Keys.Where(key => !SupportedFields.Contains(key)).ToList();
        if (unsupported.Count > 0)
        {
            throw new InvalidDataException($"{where} uses {string.Join(", ", unsupported)}, which the deployment tests do not render.");
        }

        if (kustomization.Text("kind") != "Kustomization")
        {
            throw new InvalidDataException($"{where} must declare kind: Kustomization.");
        }

        var objects = new List<Manifest>();
        foreach (var resource in Strings(kustomization, "resources", where))
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource));
            if (Directory.Exists(path))
            {
                objects.AddRange(Render(path).Select(manifest => manifest.Clone()));
            }
            else if (File.Exists(path))
            {
                objects.AddRange(YamlDocuments.Load(path).Select(body => new Manifest(body, RepositoryFiles.Relative(path))));
            }
            else
            {
                throw new InvalidDataException($"{where} lists resource '{resource}', which does not exist.");
            }
        }

        RejectDuplicates(objects, where);
        ApplyPatches(kustomization, directory, objects, where);
        ApplyNamespace(kustomization, objects);
        ApplyImages(kustomization, objects, where);
        return objects;
    }

    private static void RejectDuplicates(List<Manifest> objects, string where)
    {
        var duplicate = objects.GroupBy(manifest => (manifest.Kind, manifest.Name)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{where} renders {duplicate.Key.Kind}/{duplicate.Key.Name} twice: {string.Join(", ", duplicate)}.");
        }
    }

    private static void ApplyPatches(Dictionary<string, object?> kustomization, string directory, List<Manifest> objects, string where)
    {
        foreach (var patch in kustomization.Maps("patches"))
        {
            var extra = patch.Keys.Where(key => key != "path").ToList();
            if (extra.Count > 0 || patch.Text("path") is not { } relativePath)
            {
                throw new InvalidDataException($"{where}: every patch must be just '- path: file.yaml' (found {string.Join(", ", patch.Keys)}).");
            }

            var patchPath = Path.GetFullPath(Path.Combine(directory, relativePath));
            var patchFile = RepositoryFiles.Relative(patchPath);
            if (!File.Exists(patchPath))
            {
                throw new InvalidDataException($"{where} lists patch '{relativePath}', which does not exist.");
            }

            var patchDocuments = YamlDocuments.Load(patchPath);
            if (patchDocuments.Count != 1)
            {
                throw new InvalidDataException($"{patchFile} must hold exactly one patch document.");
            }

            var patchBody = patchDocuments[0];
            var kind = patchBody.Text("kind");
            var name = patchBody.Map("metadata").Text("name");
            var target = objects.SingleOrDefault(manifest =>
                manifest.Kind == kind && manifest.Name == name && manifest.ApiVersion == patchBody.Text("apiVersion"));
            if (target is null)
            {
                throw new InvalidDataException($"{patchFile} patches {patchBody.Text("apiVersion")} {kind}/{name}, which {where} does not render.");
            }

            StrategicMergePatch.Apply(target.Body, patchBody);
            target.RecordPatch(patchFile);
        }
    }

    private static void ApplyNamespace(Dictionary<string, object?> kustomization, List<Manifest> objects)
    {
        if (kustomization.Text("namespace") is not { } ns)
        {
            return;
        }

        foreach (var manifest in objects.Where(manifest => !ClusterScopedKinds.Contains(manifest.Kind)))
        {
            if (manifest.Body.Map("metadata") is { } metadata)
            {
                metadata["namespace"] = ns;
            }
        }
    }

    private static void ApplyImages(Dictionary<string, object?> kustomization, List<Manifest> objects, string where)
    {
        foreach (var image in kustomization.Maps("images"))
        {
            var name = image.Text("name") ?? throw new InvalidDataException($"{where}: every image needs a name.");
            var matched = false;
            foreach (var container in objects.SelectMany(manifest => manifest.Containers))
            {
                if (container.Text("image") is not { } reference || ImageName(reference) != name)
                {
                    continue;
                }

                matched = true;
                var newName = image.Text("newName") ?? name;
                var newTag = image.Text("newTag") ?? ImageTag(reference);
                container["image"] = newTag is null ? newName : $"{newName}:{newTag}";
            }

            if (!matched)
            {
                throw new InvalidDataException($"{where} sets image '{name}', which no container uses.");
            }
        }
    }

    /// <summary>The repository part of an image reference (<c>mindpeeker/silo</c> of <c>mindpeeker/silo:1.2</c>).</summary>
    public static string ImageName(string reference)
    {
        var lastSlash = reference.LastIndexOf('/');
        var colon = reference.IndexOf(':', lastSlash + 1);
        return colon < 0 ? reference : reference[..colon];
    }

    private static string? ImageTag(string reference)
    {
        var lastSlash = reference.LastIndexOf('/');
        var colon = reference.IndexOf(':', lastSlash + 1);
        return colon < 0 ? null : reference[(colon + 1)..];
    }

    private static IEnumerable<string> Strings(Dictionary<string, object?> node, string key, string where) =>
        node.List(key)?.Select(item => item as string ?? throw new InvalidDataException($"{where}: {key} must list strings.")) ?? [];
}
