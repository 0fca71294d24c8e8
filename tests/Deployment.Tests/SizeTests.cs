using MindPeeker.Deployment.Tests.Kubernetes;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>Replicas and resource requests per environment, as SPEC.md "Deployment sizes" sets them; production's CPU silos scale with an HPA.</summary>
public sealed class SizeTests
{
    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Replicas_match_the_deployment_sizes(string overlayName)
    {
        var overlay = Overlay.Named(overlayName);
        var rendered = overlay.Render();

        Replicas(rendered.FrontEnds).Should().Equal([overlay.FrontEnds], $"{rendered} runs {overlay.FrontEnds} front ends in one Deployment");
        Replicas(rendered.SilosWithRole("gpu")).Should().Equal([overlay.GpuSilos], $"{rendered} runs {overlay.GpuSilos} GPU-role silos in one Deployment");
        if (overlay.CpuSilos is { } cpuSilos)
        {
            Replicas(rendered.SilosWithRole("cpu")).Should().Equal([cpuSilos], $"{rendered} runs {cpuSilos} CPU silos in one Deployment");
            rendered.OfKind("HorizontalPodAutoscaler").Should().BeEmpty($"{rendered} has fixed sizes");
        }
    }

    [Fact]
    public void Production_scales_cpu_silos_with_a_cpu_autoscaler_that_owns_their_replica_count()
    {
        var rendered = Overlay.Production.Render();
        var cpuSilo = rendered.SilosWithRole("cpu").Should().ContainSingle().Subject;
        var hpa = rendered.OfKind("HorizontalPodAutoscaler").Should().ContainSingle().Subject;
        var spec = hpa.Body.Map("spec");

        spec.Map("scaleTargetRef").StringMap().Should().Equal(
            new Dictionary<string, string> { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = cpuSilo.Name },
            $"{hpa} scales {cpuSilo}");
        spec.Integer("minReplicas").Should().Be(Overlay.Production.MinCpuSilos, $"{hpa} never goes below production's size");
        spec.Integer("maxReplicas").Should().BeGreaterThan(spec.Integer("minReplicas")!.Value, $"{hpa} has room to scale");
        spec.Maps("metrics").Should().Contain(
            metric => metric.At("resource").Text("name") == "cpu" && metric.At("resource.target").Text("type") == "Utilization",
            $"{hpa} scales on CPU utilisation");
        cpuSilo.Body.Map("spec").Has("replicas").Should().BeFalse($"{cpuSilo} leaves replicas to {hpa}; a fixed count would reset the autoscaler on every apply");
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Every_container_requests_the_environments_cpu_and_memory_and_is_limited_to_that_memory(string overlayName)
    {
        var overlay = Overlay.Named(overlayName);
        var rendered = overlay.Render();
        var problems = new List<string>();
        foreach (var deployment in rendered.Deployments)
        {
            foreach (var container in deployment.PodSpec.Maps("containers"))
            {
                var where = $"{deployment} container {Pods.ContainerName(container)}";
                var requests = container.At("resources.requests");
                var limits = container.At("resources.limits");
                Expect(where, "requests.cpu", requests.Value("cpu"), overlay.Cpu, problems);
                Expect(where, "requests.memory", requests.Value("memory"), overlay.Memory, problems);
                Expect(where, "limits.memory", limits.Value("memory"), overlay.Memory, problems);
            }
        }

        problems.Should().BeEmpty();
    }

    private static List<long?> Replicas(IEnumerable<Manifest> deployments) =>
        [.. deployments.Select(deployment => deployment.Body.Map("spec").Integer("replicas"))];

    private static void Expect(string where, string field, object? actual, string expected, List<string> problems)
    {
        if (Quantity.Parse(actual) != Quantity.Parse(expected))
        {
            problems.Add($"{where}: resources.{field} is {Tree.Display(actual)}, the spec says {expected}.");
        }
    }
}
