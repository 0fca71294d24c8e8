using System.Globalization;
using MindPeeker.Deployment.Tests.Kubernetes;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>
/// Probes reach the health endpoints on a port the container declares and Kestrel listens on; Services select pods
/// and forward to ports those pods declare.
/// </summary>
public sealed class ProbeAndServiceTests
{
    private const string LivePath = "/health/live";
    private const string ReadyPath = "/health/ready";

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Probes_use_the_health_endpoints_on_a_declared_port_kestrel_listens_on(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        foreach (var deployment in rendered.Deployments)
        {
            foreach (var container in deployment.PodSpec.Maps("containers"))
            {
                var where = $"{deployment} container {Pods.ContainerName(container)}";
                var listening = ListeningPort(container);
                if (listening is null)
                {
                    problems.Add($"{where} sets no 'Urls' variable of the form http://+:PORT, so Kestrel would keep appsettings.json's loopback address.");
                }

                foreach (var (probe, paths) in new[]
                {
                    ("livenessProbe", new[] { LivePath }),
                    ("readinessProbe", new[] { ReadyPath }),
                    ("startupProbe", new[] { LivePath, ReadyPath }),
                })
                {
                    var httpGet = container.At($"{probe}.httpGet");
                    if (httpGet is null)
                    {
                        problems.Add($"{where} has no HTTP {probe}.");
                        continue;
                    }

                    if (!paths.Contains(httpGet.Text("path")))
                    {
                        problems.Add($"{where} {probe} probes '{httpGet.Text("path")}', expected {string.Join(" or ", paths)}.");
                    }

                    var port = Pods.ResolvePort(container, httpGet.Value("port"));
                    if (port is null)
                    {
                        problems.Add($"{where} {probe} probes port {Tree.Display(httpGet.Value("port"))}, which the container does not declare.");
                    }
                    else if (listening is not null && port != listening)
                    {
                        problems.Add($"{where} {probe} probes port {port}, but Kestrel listens on {listening}.");
                    }
                }
            }
        }

        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Services_select_pods_and_target_ports_those_pods_declare(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        foreach (var service in rendered.OfKind("Service"))
        {
            var selector = service.Body.At("spec.selector").StringMap();
            var selected = rendered.DeploymentsSelectedBy(selector).ToList();
            if (selected.Count == 0)
            {
                problems.Add($"{service} selects no Deployment's pods (selector {string.Join(", ", selector)}).");
            }

            foreach (var port in service.Body.Map("spec").Maps("ports"))
            {
                var target = port.Value("targetPort") ?? port.Value("port");
                problems.AddRange(selected
                    .Where(deployment => !deployment.PodSpec.Maps("containers").Any(container => Pods.ResolvePort(container, target) is not null))
                    .Select(deployment => $"{service} port {port.Text("name")} targets {Tree.Display(target)}, which {deployment} does not declare."));
            }
        }

        problems.Should().BeEmpty();
        rendered.Find("Service", "mindpeeker-frontend").Should().NotBeNull($"{rendered} exposes the API through a Service");
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Front_end_startup_probe_outlasts_the_wait_for_a_gateway_silo(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        foreach (var frontEnd in rendered.FrontEnds)
        {
            var container = frontEnd.PodSpec.Maps("containers").Single();
            var wait = Pods.EnvValue(container, "Cluster__Client__GatewayWaitTimeout");
            wait.Should().NotBeNull($"{frontEnd} states how long start-up waits for a gateway, so the probe can be sized to it");
            var probe = container.Map("startupProbe");
            var window = (probe.Integer("initialDelaySeconds") ?? 0) + ((probe.Integer("periodSeconds") ?? 10) * (probe.Integer("failureThreshold") ?? 3));

            window.Should().BeGreaterThan((long)TimeSpan.Parse(wait!, CultureInfo.InvariantCulture).TotalSeconds,
                $"{frontEnd}: Kestrel answers only after the gateway wait, so a shorter startup probe would kill a front end that was about to succeed");
        }
    }

    /// <summary>The port of an <c>http://+:PORT</c> (or <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) URL in the container's <c>Urls</c> variable.</summary>
    private static long? ListeningPort(Dictionary<string, object?> container)
    {
        var urls = Pods.EnvValue(container, "Urls") ?? Pods.EnvValue(container, "ASPNETCORE_URLS");
        if (urls is null || urls.Contains(';', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var host in new[] { "http://+:", "http://*:", "http://0.0.0.0:", "http://[::]:" })
        {
            if (urls.StartsWith(host, StringComparison.Ordinal)
                && long.TryParse(urls.AsSpan(host.Length).TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }
        }

        return null;
    }
}
