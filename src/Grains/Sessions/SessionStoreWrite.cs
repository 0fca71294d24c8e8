namespace MindPeeker.Grains.Sessions;

/// <summary>
/// What one <see cref="SessionStore.WriteAsync"/> did: whether the guarded write took place (<see cref="Written"/>; false:
/// the row was elsewhere and nothing was written) and the webhook endpoints that got a new pending delivery in the same
/// transaction, to wake once it committed (<see cref="EndpointsToWake"/>, each named once; empty when none).
/// </summary>
internal sealed record SessionStoreWrite(bool Written, IReadOnlyList<Guid> EndpointsToWake)
{
    /// <summary>Nothing was written: the row was not at the expected sequence.</summary>
    public static SessionStoreWrite Refused { get; } = new(false, []);

    /// <summary>Written, with no webhook delivery.</summary>
    public static SessionStoreWrite WrittenAlone { get; } = new(true, []);
}
