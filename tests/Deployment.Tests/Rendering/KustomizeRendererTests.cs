namespace MindPeeker.Deployment.Tests.Rendering;

/// <summary>
/// The test renderer behaves like kustomize where the overlays rely on it (null deletes, lists merge by their
/// Kubernetes merge key, other lists are replaced) and refuses what it does not implement, so a passing suite means
/// the overlays were rendered faithfully.
/// </summary>
public sealed class KustomizeRendererTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mindpeeker-kustomize-").FullName;

    [Fact]
    public void Patch_merges_containers_and_env_by_name_replaces_other_lists_and_deletes_nulls()
    {
        Write("base/kustomization.yaml", "kind: Kustomization\nresources: [deployment.yaml]\n");
        Write("base/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app}
            spec:
              replicas: 1
              template:
                spec:
                  nodeSelector: {gpu: "true"}
                  tolerations: [{key: a, operator: Exists}, {key: b, operator: Exists}]
                  containers:
                    - name: app
                      image: app:1
                      env: [{name: A, value: "1"}, {name: B, value: "2"}]
                    - name: sidecar
                      image: sidecar:1
            """);
        Write("overlay/kustomization.yaml", "kind: Kustomization\nnamespace: ns\nresources: [../base]\npatches: [{path: patch.yaml}]\nimages: [{name: app, newTag: \"2\"}]\n");
        Write("overlay/patch.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app}
            spec:
              replicas: null
              template:
                spec:
                  nodeSelector: null
                  tolerations: [{key: c, operator: Exists}]
                  containers:
                    - name: app
                      env: [{name: B, value: "3"}, {name: C, value: "4"}]
            """);

        var deployment = KustomizeRenderer.Render(Path.Combine(_directory, "overlay")).Single();

        deployment.Namespace.Should().Be("ns");
        deployment.Body.Map("spec").Has("replicas").Should().BeFalse();
        deployment.PodSpec.Has("nodeSelector").Should().BeFalse();
        deployment.PodSpec.Maps("tolerations").Select(toleration => toleration.Text("key")).Should().Equal("c");
        var containers = deployment.PodSpec.Maps("containers").ToList();
        containers.Select(container => container.Text("image")).Should().Equal("app:2", "sidecar:1");
        containers[0].Maps("env").Select(variable => $"{variable.Text("name")}={variable.Text("value")}").Should().Equal("A=1", "B=3", "C=4");
        deployment.PatchFiles.Should().ContainSingle().Which.Should().EndWith("overlay/patch.yaml");
    }

    [Fact]
    public void Unsupported_kustomization_fields_are_refused_naming_the_file()
    {
        Write("kustomization.yaml", "kind: Kustomization\nresources: []\ncommonLabels: {a: b}\n");

        var render = () => KustomizeRenderer.Render(_directory);

        render.Should().Throw<InvalidDataException>().WithMessage("*kustomization.yaml uses commonLabels*");
    }

    [Fact]
    public void Patch_for_an_object_the_kustomization_does_not_render_is_refused()
    {
        Write("kustomization.yaml", "kind: Kustomization\nresources: []\npatches: [{path: patch.yaml}]\n");
        Write("patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: missing}\n");

        var render = () => KustomizeRenderer.Render(_directory);

        render.Should().Throw<InvalidDataException>().WithMessage("*patch.yaml patches apps/v1 Deployment/missing*");
    }

    [Fact]
    public void Unquoted_booleans_and_numbers_keep_their_yaml_type_and_repeated_keys_are_errors()
    {
        Write("typed.yaml", "a: true\nb: \"true\"\nc: 8080\nd: 500m\ne:\n");
        Write("repeated.yaml", "a: 1\na: 2\n");

        var typed = YamlDocuments.Load(Path.Combine(_directory, "typed.yaml")).Single();
        var repeated = () => YamlDocuments.Load(Path.Combine(_directory, "repeated.yaml"));

        typed.Value("a").Should().Be(true);
        typed.Value("b").Should().Be("true");
        typed.Value("c").Should().Be(8080L);
        typed.Value("d").Should().Be("500m");
        typed.Has("e").Should().BeTrue();
        typed.Value("e").Should().BeNull();
        repeated.Should().Throw<InvalidDataException>().WithMessage("*repeated.yaml is not valid YAML*");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
