namespace MindPeeker.Sdk.Sessions;

/// <summary>Filters of <see cref="SessionsClient.ListAsync"/>.</summary>
public sealed record SessionListOptions
{
    /// <summary>Page size asked of the server, 1–100 (default 20); the enumeration fetches pages until the end.</summary>
    public int? PageSize { get; init; }

    /// <summary>
    /// Incremental sync of a local mirror: only sessions changed at or after this instant, oldest change first
    /// (ordered by <c>updated_at</c>, then id); without it the list is newest first. Remember the largest
    /// <see cref="Session.UpdatedAt"/> you saw and pass it next time.
    /// </summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>Only sessions with this status (<see cref="SessionStatuses"/>).</summary>
    public string? Status { get; init; }

    /// <summary>Start after this session id (the cursor of a previous listing).</summary>
    public Guid? StartingAfter { get; init; }
}
