using System.ComponentModel.DataAnnotations;

namespace MindPeeker.ApiFrontend.Http.Idempotency;

/// <summary><c>Idempotency-Key</c> settings, bound from the <c>Idempotency</c> section and validated on start.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a completed request's answer is replayed (API.md: 24 h). Between 1 minute and 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a running request holds its key (retries meanwhile get 409). After it, a retry may run
    /// the request again, so it must outlast the slowest request; a crashed request blocks its key no
    /// longer than this. Default 2 minutes; between 1 second and 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
