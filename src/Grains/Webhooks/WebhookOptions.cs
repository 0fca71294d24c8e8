using System.ComponentModel.DataAnnotations;

namespace MindPeeker.Grains.Webhooks;

/// <summary>Webhook delivery settings, bound from <c>Webhooks</c> and validated on start.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How long one delivery attempt may take, connection included. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts one endpoint runs at once (per silo activation); more due deliveries wait. Default 16.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentDeliveriesPerEndpoint { get; set; } = 16;

    /// <summary>An endpoint whose every attempt failed for this long is disabled (and its owner told). Default 5 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan DisableAfterFailingFor { get; set; } = TimeSpan.FromDays(5);

    /// <summary>
    /// The period of the durable reminder an endpoint holds while it has pending deliveries: the longest a delivery
    /// waits beyond its time when its activation was lost (silo death, idle collection). Default 1 min, the minimum.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest <c>Retry-After</c> (on 429 and 503) that is honoured; longer ones are cut to this. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(24);
}
