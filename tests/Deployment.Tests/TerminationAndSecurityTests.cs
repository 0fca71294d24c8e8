using MindPeeker.Deployment.Tests.Kubernetes;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>
/// Pods get to finish their drain before the kubelet kills them, and run as the images' non-root user.
/// </summary>
public sealed class TerminationAndSecurityTests
{
    /// <summary>The uid the Dockerfiles switch to (the ASP.NET Core image's <c>app</c> user).</summary>
    internal const long ImageUserId = 1654;

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Grace_period_covers_the_pre_stop_pause_plus_the_host_shutdown_timeout(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        foreach (var deployment in rendered.Deployments)
        {
            // Kubernetes' default grace period is 30 s.
            var grace = deployment.PodSpec.Integer("terminationGracePeriodSeconds") ?? 30;
            foreach (var container in deployment.PodSpec.Maps("containers"))
            {
                var where = $"{deployment} container {Pods.ContainerName(container)}";
                var timeout = Pods.EnvValue(container, "HostOptions__ShutdownTimeout");
                if (timeout is null || !TimeSpan.TryParse(timeout, System.Globalization.CultureInfo.InvariantCulture, out var shutdown) || shutdown <= TimeSpan.Zero)
                {
                    problems.Add($"{where} sets no HostOptions__ShutdownTimeout (hh:mm:ss): the drain time would be the framework default, unrelated to the grace period.");
                    continue;
                }

                var needed = Pods.PreStopSleepSeconds(container) + shutdown.TotalSeconds;
                if (grace <= needed)
                {
                    problems.Add($"{where}: terminationGracePeriodSeconds {grace} does not exceed preStop {Pods.PreStopSleepSeconds(container)} s + shutdown {shutdown.TotalSeconds} s; the drain would be killed.");
                }
            }
        }

        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Pods_run_as_the_images_non_root_user_without_privilege_escalation(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        foreach (var deployment in rendered.Deployments)
        {
            var podSecurity = deployment.PodSpec.Map("securityContext");
            if (podSecurity.Value("runAsNonRoot") is not true || podSecurity.Integer("runAsUser") != ImageUserId)
            {
                problems.Add($"{deployment}: securityContext must set runAsNonRoot: true and runAsUser: {ImageUserId} (the Dockerfiles' USER).");
            }

            problems.AddRange(deployment.Containers.Where(container => container.At("securityContext").Value("allowPrivilegeEscalation") is not false)
                .Select(container => $"{deployment} container {Pods.ContainerName(container)} must set allowPrivilegeEscalation: false."));
        }

        problems.Should().BeEmpty();
    }
}
