using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Runtime.Hosting;

/// <summary>Call delivery settings. Bound from <c>Silo:Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Silo:Messaging";

    /// <summary>How long a caller waits for an answer before a <see cref="TimeoutException"/>. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
