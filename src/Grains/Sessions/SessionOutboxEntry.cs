using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// An update recorded in grain state before it is written to <c>session_events</c> (and, for a
/// <c>result</c> update, <c>analysis_results</c>). Both writes are keyed, so replaying it is harmless.
/// </summary>
internal sealed record SessionOutboxEntry(SessionUpdate Update, SessionResult? Result);
