namespace MindPeeker.Deployment.Tests.Rendering;

/// <summary>
/// One Kubernetes object of a rendered overlay, with the files it came from (the resource file, then every patch
/// applied to it) so each failure names where to look.
/// </summary>
internal sealed class Manifest(Dictionary<string, object?> body, string sourceFile)
{
    private readonly List<string> _patchFiles = [];

    public Dictionary<string, object?> Body { get; } = body;

    /// <summary>Repository-relative path of the resource file that declares the object.</summary>
    public string SourceFile { get; } = sourceFile;

    public IReadOnlyList<string> PatchFiles => _patchFiles;

    public string ApiVersion => Body.Text("apiVersion") ?? string.Empty;

    public string Kind => Body.Text("kind") ?? string.Empty;

    public string Name => Body.Map("metadata").Text("name") ?? string.Empty;

    public string? Namespace => Body.Map("metadata").Text("namespace");

    /// <summary>The pod template's spec of a workload; <see langword="null"/> for other kinds.</summary>
    public Dictionary<string, object?>? PodSpec => Body.At("spec.template.spec");

    public IReadOnlyDictionary<string, string> PodLabels => Body.At("spec.template.metadata.labels").StringMap();

    public IEnumerable<Dictionary<string, object?>> Containers => PodSpec.Maps("initContainers").Concat(PodSpec.Maps("containers"));

    public void RecordPatch(string patchFile) => _patchFiles.Add(patchFile);

    public Manifest Clone()
    {
        var clone = new Manifest((Dictionary<string, object?>)Tree.DeepClone(Body)!, SourceFile);
        clone._patchFiles.AddRange(_patchFiles);
        return clone;
    }

    /// <summary>For failure messages: <c>Deployment/mindpeeker-silo-gpu (k8s/base/x.yaml, patched by k8s/overlays/staging/y.yaml)</c>.</summary>
    public override string ToString() =>
        _patchFiles.Count == 0
            ? $"{Kind}/{Name} ({SourceFile})"
            : $"{Kind}/{Name} ({SourceFile}, patched by {string.Join(", ", _patchFiles)})";
}
