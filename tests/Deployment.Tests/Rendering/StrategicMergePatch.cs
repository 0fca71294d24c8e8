namespace MindPeeker.Deployment.Tests.Rendering;

/// <summary>
/// The part of Kubernetes' strategic merge patch the overlays use: mappings merge key by key, a <see langword="null"/>
/// value deletes the key, lists with a Kubernetes merge key (containers and env by <c>name</c>, container ports by
/// <c>containerPort</c>, ...) merge item by item, every other list is replaced. <c>$patch</c> directives are refused
/// so an overlay cannot rely on semantics this renderer does not share with kustomize.
/// </summary>
internal static class StrategicMergePatch
{
    // Merge keys from the Kubernetes API (patchMergeKey) for the lists our manifests contain.
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["imagePullSecrets"] = "name",
        ["topologySpreadConstraints"] = "topologyKey",
    };

    public static void Apply(Dictionary<string, object?> target, Dictionary<string, object?> patch, string path = "")
    {
        foreach (var (key, patchValue) in patch)
        {
            var keyPath = path.Length == 0 ? key : $"{path}.{key}";
            if (key.StartsWith('$'))
            {
                throw new NotSupportedException($"Directive {keyPath} is not supported by the test renderer.");
            }

            if (patchValue is null)
            {
                target.Remove(key);
                continue;
            }

            target.TryGetValue(key, out var targetValue);
            switch (patchValue)
            {
                case Dictionary<string, object?> patchMap when targetValue is Dictionary<string, object?> targetMap:
                    Apply(targetMap, patchMap, keyPath);
                    break;
                case List<object?> patchList when targetValue is List<object?> targetList && MergeKeyFor(key, path) is { } mergeKey:
                    MergeList(targetList, patchList, mergeKey, keyPath);
                    break;
                default:
                    target[key] = Tree.DeepClone(patchValue);
                    break;
            }
        }
    }

    private static string? MergeKeyFor(string key, string parentPath)
    {
        if (key == "ports")
        {
            // Container ports merge by containerPort; a Service's ports by port.
            return parentPath.Contains("containers", StringComparison.Ordinal) ? "containerPort" : "port";
        }

        return MergeKeys.GetValueOrDefault(key);
    }

    private static void MergeList(List<object?> target, List<object?> patch, string mergeKey, string path)
    {
        foreach (var item in patch)
        {
            if (item is not Dictionary<string, object?> patchItem || !patchItem.TryGetValue(mergeKey, out var keyValue))
            {
                throw new InvalidDataException($"Every item patched into {path} needs its merge key '{mergeKey}'.");
            }

            var existing = target.OfType<Dictionary<string, object?>>()
                .FirstOrDefault(candidate => Equals(candidate.Value(mergeKey), keyValue));
            if (existing is null)
            {
                target.Add(Tree.DeepClone(patchItem));
            }
            else
            {
                Apply(existing, patchItem, $"{path}[{mergeKey}={Tree.Display(keyValue)}]");
            }
        }
    }
}
