using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Runtime.Messaging;

/// <summary>Where the silo accepts silo and client connections. Bound from <c>Silo:Endpoints</c>.</summary>
public sealed class SiloEndpointsOptions
{
    public const string SectionName = "Silo:Endpoints";

    /// <summary>TCP port for silo and client connections. Default 11111 (as Orleans); 0 picks a free port, reported by the listener.</summary>
    [Range(0, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// IP address to listen on. Default <c>0.0.0.0</c> (every IPv4 interface), because other silos and
    /// clients must reach it from other machines; set <c>127.0.0.1</c> for a single-machine cluster.
    /// </summary>
    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// Host name or IP other processes use to reach this silo; part of the silo's address. Default:
    /// <c>127.0.0.1</c> when listening on loopback, the listen address when it is a specific one, else the
    /// first non-loopback IPv4 address of an interface that is up, else the machine's DNS name.
    /// </summary>
    public string? AdvertisedHost { get; set; }
}
