namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// Receives the outcome of a request sent with <see cref="MessageConnection.SendRequest"/>: exactly one of
/// <see cref="OnResponse"/> or <see cref="OnFailure"/> is called, once. Responses are delivered on a thread-pool
/// thread, together with the other responses read at the same time (see <see cref="ResponseBatch"/>), never on the
/// connection's reader loop; failures (timeout, connection closed, send failed) on whichever thread found them.
/// Implementations must not throw.
/// </summary>
internal interface IResponseHandler
{
    /// <summary>The peer answered; <paramref name="response"/> is owned by the handler.</summary>
    void OnResponse(Message response);

    /// <summary>
    /// No response will come: <see cref="TimeoutException"/>, <see cref="ConnectionClosedException"/>, or the
    /// exception that made the send fail (<see cref="IOException"/>, a refused frame, ...).
    /// </summary>
    void OnFailure(Exception error);
}
