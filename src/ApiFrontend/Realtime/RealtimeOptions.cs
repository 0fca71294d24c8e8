using System.ComponentModel.DataAnnotations;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>The SignalR hub at <c>/v1/ws</c>. Bound from <c>Realtime:Hub</c>.</summary>
internal sealed class RealtimeOptions
{
    public const string SectionName = "Realtime:Hub";

    /// <summary>
    /// How long one batch may take to reach the subscribed connections. Past it the write that did not
    /// finish fails (SignalR aborts that slow connection) and the rest of the batch is not sent, rather
    /// than holding up every other session's updates; subscribers resume from the events endpoint.
    /// Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most sessions one connection may subscribe to at once. Default 1,000.</summary>
    [Range(1, 100_000)]
    public int MaxSubscriptionsPerConnection { get; set; } = 1000;

    /// <summary>
    /// How often this front end renews its observer registration with the silos' hub list. Default 30
    /// seconds; must stay well below the silos' <c>Realtime:Notifier:ObserverExpiry</c> (default 2 minutes).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan ObserverRenewal { get; set; } = TimeSpan.FromSeconds(30);
}
