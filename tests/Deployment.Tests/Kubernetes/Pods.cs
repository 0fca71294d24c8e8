using System.Globalization;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests.Kubernetes;

/// <summary>Reads containers the way the kubelet does: named ports, environment variables, probes, lifecycle hooks.</summary>
internal static class Pods
{
    public static string ContainerName(Dictionary<string, object?> container) => container.Text("name") ?? "<unnamed>";

    /// <summary>The container's declared ports as (name, number); a port without a name has name <see langword="null"/>.</summary>
    public static IReadOnlyList<(string? Name, long Number)> Ports(Dictionary<string, object?> container) =>
        [.. container.Maps("ports").Where(port => port.Integer("containerPort") is not null)
            .Select(port => (port.Text("name"), port.Integer("containerPort")!.Value))];

    /// <summary>
    /// The container port a probe or Service's <c>targetPort</c> reaches: a name resolves through the declared ports, a
    /// number must be declared too (an undeclared number would work, but then nothing documents it). <see langword="null"/> when it does not resolve.
    /// </summary>
    public static long? ResolvePort(Dictionary<string, object?> container, object? port) => port switch
    {
        string name => Ports(container).Where(declared => declared.Name == name).Select(declared => (long?)declared.Number).FirstOrDefault(),
        long number => Ports(container).Any(declared => declared.Number == number) ? number : null,
        _ => null,
    };

    public static Dictionary<string, object?>? Env(Dictionary<string, object?> container, string name) =>
        container.Maps("env").FirstOrDefault(variable => variable.Text("name") == name);

    /// <summary>A literal <c>value</c> of an environment variable, or <see langword="null"/> when unset or taken from elsewhere.</summary>
    public static string? EnvValue(Dictionary<string, object?> container, string name) => Env(container, name).Text("value");

    /// <summary>Seconds a <c>preStop: exec: [sleep, N]</c> hook waits; 0 without one.</summary>
    public static double PreStopSleepSeconds(Dictionary<string, object?> container)
    {
        var command = container.At("lifecycle.preStop.exec").List("command");
        if (command is [string sleep, string seconds] && sleep is "sleep" or "/bin/sleep")
        {
            return double.Parse(seconds, CultureInfo.InvariantCulture);
        }

        var sleepAction = container.At("lifecycle.preStop.sleep").Integer("seconds");
        return sleepAction ?? 0;
    }

    /// <summary>Whether <paramref name="tolerations"/> let a pod onto a node tainted <paramref name="key"/>:<paramref name="effect"/> (Kubernetes' toleration matching).</summary>
    public static bool Tolerates(IEnumerable<Dictionary<string, object?>> tolerations, string key, string? value, string effect) =>
        tolerations.Any(toleration =>
        {
            var tolerationEffect = toleration.Text("effect");
            if (!string.IsNullOrEmpty(tolerationEffect) && tolerationEffect != effect)
            {
                return false;
            }

            var tolerationKey = toleration.Text("key");
            var exists = toleration.Text("operator") == "Exists";
            if (string.IsNullOrEmpty(tolerationKey))
            {
                return exists;
            }

            return tolerationKey == key && (exists || toleration.Text("value") == value);
        });
}
