using MindPeeker.Deployment.Tests.Kubernetes;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>Silos advertise their role and a reachable address on the declared silo port; every process joins the overlay's cluster.</summary>
public sealed class SiloAndClusterTests
{
    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Silos_start_with_their_role_and_advertise_the_pod_ip_on_the_declared_silo_port(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        rendered.SilosWithRole("cpu").Should().NotBeEmpty();
        foreach (var silo in rendered.Silos)
        {
            var role = silo.PodLabels[RenderedOverlay.SiloRoleLabel];
            var container = silo.PodSpec.Maps("containers").Single();
            var args = (container.List("args") ?? []).OfType<string>().ToList();
            var roleIndex = args.IndexOf("--role");
            if (roleIndex < 0 || roleIndex + 1 >= args.Count || args[roleIndex + 1] != role)
            {
                problems.Add($"{silo} is labelled role {role} but starts with args [{string.Join(" ", args)}].");
            }

            if (Pods.Env(container, "Silo__Endpoints__AdvertisedHost").At("valueFrom.fieldRef").Text("fieldPath") != "status.podIP")
            {
                problems.Add($"{silo}: Silo__Endpoints__AdvertisedHost must come from status.podIP so peers and front ends can connect.");
            }

            var siloPort = Pods.EnvValue(container, "Silo__Endpoints__SiloPort");
            if (siloPort is null || Pods.ResolvePort(container, "silo")?.ToString(System.Globalization.CultureInfo.InvariantCulture) != siloPort)
            {
                problems.Add($"{silo}: Silo__Endpoints__SiloPort '{siloPort}' is not the container port named 'silo'.");
            }

            if (Pods.EnvValue(container, "Silo__HostApiFrontend") != "false")
            {
                problems.Add($"{silo}: Silo__HostApiFrontend must be \"false\"; the front end has its own Deployment.");
            }
        }

        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Every_process_takes_its_cluster_id_environment_and_database_from_the_shared_config(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        foreach (var deployment in rendered.Deployments)
        {
            var container = deployment.PodSpec.Maps("containers").Single();
            // Silos bind Silo:ClusterId; the front end's cluster client reads Cluster:ClusterId.
            var clusterIdVariable = deployment.PodLabels[RenderedOverlay.ComponentLabel] == "silo" ? "Silo__ClusterId" : "Cluster__ClusterId";
            ExpectReference(deployment, container, clusterIdVariable, "configMapKeyRef", "mindpeeker-config", "CLUSTER_ID", problems);

            ExpectReference(deployment, container, "ASPNETCORE_ENVIRONMENT", "configMapKeyRef", "mindpeeker-config", "ENVIRONMENT", problems);
            ExpectReference(deployment, container, "ConnectionStrings__MindPeeker", "secretKeyRef", "mindpeeker-secrets", "postgres-connection-string", problems);
        }

        problems.Should().BeEmpty();
    }

    private static void ExpectReference(Manifest deployment, Dictionary<string, object?> container, string variable, string kind, string name, string key, List<string> problems)
    {
        var reference = Pods.Env(container, variable).At($"valueFrom.{kind}");
        if (reference.Text("name") != name || reference.Text("key") != key)
        {
            problems.Add($"{deployment}: {variable} must come from {kind} {name}/{key}.");
        }
    }
}
