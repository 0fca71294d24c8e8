using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Cluster.Serialization;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Routing;

/// <summary>What happened to a request sent to another process, when it did not simply complete.</summary>
internal enum RemoteSendOutcome
{
    /// <summary>The request completed (result or exception).</summary>
    Completed,

    /// <summary>The target does not host the activation or is leaving: re-resolve and send again.</summary>
    Reroute,

    /// <summary>No connection could be made; the request was not sent.</summary>
    NotSent,
}

/// <summary>
/// Sends one grain request over a connection and completes it from the response. Shared by silos
/// (silo → silo, silo → client observer) and cluster clients (client → gateway). Thread-safe.
/// </summary>
internal sealed class RemoteCallSender(GrainCallJson json, TimeProvider time, long responseTimeoutTicks, ILogger logger)
{
    /// <summary>Builds the wire form of <paramref name="request"/>.</summary>
    public Message CreateMessage(GrainId grainId, GrainRequest request, Guid targetActivation)
    {
        var remaining = request.DeadlineTimestamp == 0
            ? TimeSpan.FromTicks(responseTimeoutTicks)
            : time.GetElapsedTime(time.GetTimestamp(), request.DeadlineTimestamp);
        return new Message
        {
            Kind = MessageKind.Request,
            TargetGrain = grainId.ToString(),
            InterfaceName = request.Method.ProxyInterfaceType.FullName,
            MethodId = request.Method.MethodId,
            MethodName = request.Method.MethodName,
            TimeToLiveMilliseconds = (int)Math.Clamp(remaining.TotalMilliseconds, 1, int.MaxValue),
            ForwardCount = request.ForwardCount,
            TargetActivation = targetActivation,
            RequestContext = json.SerializeRequestContext(request.RequestContextData),
            Body = json.SerializeArguments(request),
        };
    }

    /// <summary>Builds the wire form of <paramref name="request"/>, or fails the request (null) when its arguments cannot be serialized.</summary>
    public Message? TryCreateMessage(GrainId grainId, GrainRequest request, Guid targetActivation)
    {
        try
        {
            return CreateMessage(grainId, request, targetActivation);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            request.TryFail(new ArgumentException($"The arguments of {request.Method.DisplayName} could not be serialized: {exception.Message}", exception));
            return null;
        }
    }

    /// <summary>
    /// Sends <paramref name="call"/>'s request without waiting: its response or failure completes it later (see
    /// <see cref="RemoteCall"/>); an outcome that needs routing again goes to <see cref="RemoteCall.NotCompleted"/>.
    /// </summary>
    public void Send(IMessageConnection connection, Message message, RemoteCall call)
    {
        call.Timeout = TimeSpan.FromMilliseconds(message.TimeToLiveMilliseconds);
        if (connection is MessageConnection transport)
        {
            transport.SendRequest(message, call.Timeout, call);
            return;
        }

        _ = SendAndAwaitAsync(connection, message, call);
    }

    /// <summary>True for the statuses that mean the call was not run and must be routed again (stale directory entry, leaving silo).</summary>
    public static bool MustReroute(ResponseStatus status) => status is ResponseStatus.NotHere or ResponseStatus.Unavailable;

    /// <summary>Completes the request of <paramref name="call"/> from a failure to get a response, unless it may be sent elsewhere.</summary>
    public RemoteSendOutcome Fail(RemoteCall call, Exception error)
    {
        var request = call.Request;
        switch (error)
        {
            case TimeoutException:
                request.TryFail(new TimeoutException(
                    $"Response did not arrive on time: {request.Method.DisplayName} on grain {call.GrainId} sent to {call.Target} got no answer within {call.Timeout}."));
                return RemoteSendOutcome.Completed;
            case ConnectionClosedException:
                request.TryFail(new SiloUnavailableException(
                    $"The connection to {call.Target} closed before {request.Method.DisplayName} on grain {call.GrainId} answered; the call may or may not have run.", error));
                return RemoteSendOutcome.Completed;
            case System.Net.Sockets.SocketException or IOException or ObjectDisposedException:
                RoutingLog.SendFailed(logger, error, call.Target.ToString());
                return RemoteSendOutcome.NotSent;
            default:
                // The frame was refused before it was written (too large, unwritable): nothing was sent, and sending it elsewhere would fail alike.
                request.TryFail(error);
                return RemoteSendOutcome.Completed;
        }
    }

    /// <summary>Completes <paramref name="request"/> from <paramref name="response"/> (see <see cref="RemoteSendOutcome"/> for what it returns).</summary>
    public RemoteSendOutcome Complete(GrainRequest request, Message response, RemoteTarget target)
    {
        switch (response.Status)
        {
            case ResponseStatus.Ok:
                try
                {
                    request.CompleteFromJson(response.Body.Span, json.Options);
                }
                catch (System.Text.Json.JsonException exception)
                {
                    request.TryFail(new InvalidOperationException(
                        $"The result of {request.Method.DisplayName} from {target} could not be read: {exception.Message}", exception));
                }

                return RemoteSendOutcome.Completed;
            case ResponseStatus.Exception:
                request.TryFail(RemoteExceptionCodec.Deserialize(response.Body.Span));
                return RemoteSendOutcome.Completed;
            case ResponseStatus.NotHere or ResponseStatus.Unavailable:
                return RemoteSendOutcome.Reroute;
            case ResponseStatus.UnknownGrainType:
                request.TryFail(new InvalidOperationException(
                    $"{target} does not know grain type of {message(response)} ({request.Method.DisplayName}); are all silos running the same version?"));
                return RemoteSendOutcome.Completed;
            case ResponseStatus.UnknownMethod:
                request.TryFail(new MissingMethodException(
                    $"{target} does not know {request.Method.ProxyInterfaceType.FullName}.{request.Method.MethodName} (method id {request.Method.MethodId}){message(response)}; are all silos and clients running the same version?"));
                return RemoteSendOutcome.Completed;
            case ResponseStatus.Overloaded:
                request.TryFail(new SiloUnavailableException($"{target} is overloaded and refused {request.Method.DisplayName}; retry later."));
                return RemoteSendOutcome.Completed;
            case ResponseStatus.Expired:
                request.TryFail(new TimeoutException($"{request.Method.DisplayName} expired before {target} could run it."));
                return RemoteSendOutcome.Completed;
            default:
                request.TryFail(new InvalidOperationException($"{target} answered with unknown status {response.Status}."));
                return RemoteSendOutcome.Completed;
        }

        static string message(Message response) =>
            response.Body.IsEmpty ? string.Empty : ": " + System.Text.Encoding.UTF8.GetString(response.Body.Span);
    }

    private async Task SendAndAwaitAsync(IMessageConnection connection, Message message, RemoteCall call)
    {
        Message response;
        try
        {
            response = await connection.SendRequestAsync(message, call.Timeout).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            call.OnFailure(exception);
            return;
        }

        await Task.Yield();
        call.OnResponse(response);
    }
}
