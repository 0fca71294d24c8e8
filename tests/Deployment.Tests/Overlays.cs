using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>
/// What each overlay must produce, from SPEC.md "Deployment sizes" and the deployment issue: replicas per Deployment,
/// CPU and memory requests per container, and whether the environment has GPU nodes.
/// </summary>
/// <param name="Name">The folder under <c>k8s/overlays</c>.</param>
/// <param name="FrontEnds">Front-end replicas.</param>
/// <param name="CpuSilos">CPU silo replicas; <see langword="null"/> where a HorizontalPodAutoscaler owns the count.</param>
/// <param name="GpuSilos">GPU-role silo replicas.</param>
/// <param name="Cpu">CPU request of every container (Kubernetes quantity).</param>
/// <param name="Memory">Memory request of every container (Kubernetes quantity).</param>
/// <param name="HasGpuNodes">Whether GPU-role silos run on GPU nodes with <c>nvidia.com/gpu</c> (spec: no GPU in development).</param>
/// <param name="MinCpuSilos">The least number of CPU silos the HPA may scale to, where one is used.</param>
internal sealed record Overlay(string Name, int FrontEnds, int? CpuSilos, int GpuSilos, string Cpu, string Memory, bool HasGpuNodes, int? MinCpuSilos = null)
{
    public static readonly Overlay Development = new("development", FrontEnds: 1, CpuSilos: 1, GpuSilos: 1, Cpu: "500m", Memory: "1Gi", HasGpuNodes: false);

    public static readonly Overlay Staging = new("staging", FrontEnds: 2, CpuSilos: 2, GpuSilos: 1, Cpu: "1000m", Memory: "2Gi", HasGpuNodes: true);

    public static readonly Overlay Production = new("production", FrontEnds: 10, CpuSilos: null, GpuSilos: 4, Cpu: "2000m", Memory: "4Gi", HasGpuNodes: true, MinCpuSilos: 10);

    public static IReadOnlyList<Overlay> All { get; } = [Development, Staging, Production];

    /// <summary>xunit data: one row per overlay name.</summary>
    public static TheoryData<string> Names => [.. All.Select(overlay => overlay.Name)];

    public static Overlay Named(string name) => All.Single(overlay => overlay.Name == name);

    public string Directory => Path.Combine(RepositoryFiles.K8sDirectory, "overlays", Name);

    /// <summary>The overlay rendered by <see cref="KustomizeRenderer"/> (a fresh copy per call).</summary>
    public RenderedOverlay Render() => new(this, KustomizeRenderer.Render(Directory));
}
