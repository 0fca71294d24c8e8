using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Runtime.Messaging;

/// <summary>Connection behaviour of the silo↔silo and client↔silo transport. Bound from <c>Silo:Transport</c>.</summary>
public sealed class TransportOptions
{
    public const string SectionName = "Silo:Transport";

    /// <summary>
    /// Cluster this process belongs to; both ends of a connection must agree or the handshake fails.
    /// Default <c>dev</c>.
    /// </summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._\-]{1,100}$")]
    public string ClusterId { get; set; } = "dev";

    /// <summary>Largest frame sent or accepted, length prefix included. Default 16 MiB.</summary>
    [Range(WireProtocol.MinimumFrameBytes, int.MaxValue)]
    public int MaxFrameBytes { get; set; } = WireProtocol.DefaultMaxFrameBytes;

    /// <summary>
    /// Requests received on one connection that may wait for their response at once; beyond it a request is
    /// answered <see cref="ResponseStatus.Overloaded"/> straight away. Default 10,000.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxInboundRequestsPerConnection { get; set; } = 10_000;

    /// <summary>Unsent bytes queued on one connection at which senders wait (back-pressure). Default 1 MiB.</summary>
    [Range(4096, int.MaxValue)]
    public int PauseWriterThresholdBytes { get; set; } = 1024 * 1024;

    /// <summary>Budget for the TCP connect. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Budget for the Hello exchange after the TCP connect or accept. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a failed connect, further attempts to the same address fail fast for this long, doubling per
    /// consecutive failure up to <see cref="MaxReconnectBackoff"/>. Default 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MinReconnectBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Ceiling of the reconnect back-off. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxReconnectBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often each connection checks its outstanding requests for passed deadlines; a request times out
    /// between its timeout and its timeout plus this interval. Default 250 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a graceful close (Goodbye) waits for in-flight requests and responses before it closes anyway. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan GracefulCloseTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
