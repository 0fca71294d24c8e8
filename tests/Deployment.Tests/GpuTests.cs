using MindPeeker.Deployment.Tests.Kubernetes;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>
/// GPU-role silos land on GPU nodes and get a GPU where the environment has them (staging, production); nothing else
/// occupies GPU nodes; development runs the gpu role on CPU.
/// </summary>
public sealed class GpuTests
{
    private const string GpuResource = "nvidia.com/gpu";
    private const string GpuNodeLabel = "nvidia.com/gpu.present";
    private const string GpuTaintKey = "nvidia.com/gpu";
    private const string GpuTaintEffect = "NoSchedule";

    public static TheoryData<string> GpuOverlays => [.. Overlay.All.Where(overlay => overlay.HasGpuNodes).Select(overlay => overlay.Name)];

    [Theory]
    [MemberData(nameof(GpuOverlays))]
    public void Gpu_silos_request_a_gpu_select_gpu_nodes_tolerate_the_taint_and_run_on_cuda(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var gpuSilos = rendered.SilosWithRole("gpu").ToList();
        gpuSilos.Should().NotBeEmpty($"{rendered} runs GPU-role silos");

        var problems = new List<string>();
        foreach (var silo in gpuSilos)
        {
            foreach (var container in silo.PodSpec.Maps("containers"))
            {
                var where = $"{silo} container {Pods.ContainerName(container)}";
                var limit = Quantity.Parse(container.At("resources.limits").Value(GpuResource));
                var request = container.At("resources.requests").Value(GpuResource);
                if (limit is null or < 1)
                {
                    problems.Add($"{where} sets no resources.limits.{GpuResource} (extended resources are granted by their limit).");
                }

                if (request is not null && Quantity.Parse(request) != limit)
                {
                    problems.Add($"{where}: requests.{GpuResource} {Tree.Display(request)} differs from its limit; the API rejects that.");
                }

                if (Pods.EnvValue(container, "Analysis__ExecutionProvider") != "cuda")
                {
                    problems.Add($"{where} does not set Analysis__ExecutionProvider=cuda: the GPU would sit idle.");
                }
            }

            if (silo.PodSpec.Map("nodeSelector").StringMap().GetValueOrDefault(GpuNodeLabel) != "true")
            {
                problems.Add($"{silo} has no nodeSelector {GpuNodeLabel}: \"true\".");
            }

            if (!Pods.Tolerates(silo.PodSpec.Maps("tolerations"), GpuTaintKey, "present", GpuTaintEffect))
            {
                problems.Add($"{silo} does not tolerate the {GpuTaintKey}:{GpuTaintEffect} taint of GPU nodes.");
            }
        }

        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Workloads_other_than_gpu_silos_stay_off_gpu_nodes(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var others = rendered.Deployments.Except(rendered.SilosWithRole("gpu"));
        var problems = new List<string>();
        foreach (var deployment in others)
        {
            if (Pods.Tolerates(deployment.PodSpec.Maps("tolerations"), GpuTaintKey, "present", GpuTaintEffect))
            {
                problems.Add($"{deployment} tolerates the GPU taint: CPU work would take GPU nodes.");
            }

            problems.AddRange(deployment.Containers.Where(container => container.At("resources.limits").Has(GpuResource) || container.At("resources.requests").Has(GpuResource))
                .Select(container => $"{deployment} container {Pods.ContainerName(container)} requests a GPU."));
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Development_runs_the_gpu_role_on_cpu_without_gpu_nodes()
    {
        var rendered = Overlay.Development.Render();
        var silo = rendered.SilosWithRole("gpu").Should().ContainSingle($"{rendered} still hosts the gpu role so inference grains have a silo").Subject;
        var container = silo.PodSpec.Maps("containers").Single();

        container.At("resources.limits").Has(GpuResource).Should().BeFalse($"{silo}: development has no GPUs (spec)");
        container.At("resources.requests").Has(GpuResource).Should().BeFalse($"{silo}: development has no GPUs (spec)");
        silo.PodSpec.Has("nodeSelector").Should().BeFalse($"{silo} would wait forever for a GPU node");
        Pods.EnvValue(container, "Analysis__ExecutionProvider").Should().Be("cpu", $"{silo} runs ONNX Runtime on CPU");
    }
}
