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

    /// <summary>Sends and completes the request unless the outcome says the caller must route it again.</summary>
    public async Task<RemoteSendOutcome> SendAsync(IMessageConnection connection, Message message, GrainRequest request, string targetDescription)
    {
        var timeout = TimeSpan.FromMilliseconds(message.TimeToLiveMilliseconds);
        Message response;
        try
        {
            response = await connection.SendRequestAsync(message, timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            request.TryFail(new TimeoutException(
                $"Response did not arrive on time: {request.Method.DisplayName} on grain {message.TargetGrain} sent to {targetDescription} got no answer within {timeout}."));
            return RemoteSendOutcome.Completed;
        }
        catch (ConnectionClosedException exception)
        {
            request.TryFail(new SiloUnavailableException(
                $"The connection to {targetDescription} closed before {request.Method.DisplayName} on grain {message.TargetGrain} answered; the call may or may not have run.", exception));
            return RemoteSendOutcome.Completed;
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or IOException or ObjectDisposedException)
        {
            RoutingLog.SendFailed(logger, exception, targetDescription);
            return RemoteSendOutcome.NotSent;
        }

        return Complete(request, response, targetDescription);
    }

    /// <summary>Completes <paramref name="request"/> from <paramref name="response"/>.</summary>
    public RemoteSendOutcome Complete(GrainRequest request, Message response, string targetDescription)
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
                        $"The result of {request.Method.DisplayName} from {targetDescription} could not be read: {exception.Message}", exception));
                }

                return RemoteSendOutcome.Completed;
            case ResponseStatus.Exception:
                request.TryFail(RemoteExceptionCodec.Deserialize(response.Body.Span));
                return RemoteSendOutcome.Completed;
            case ResponseStatus.NotHere or ResponseStatus.Unavailable:
                return RemoteSendOutcome.Reroute;
            case ResponseStatus.UnknownGrainType:
                request.TryFail(new InvalidOperationException(
                    $"{targetDescription} does not know grain type of {message(response)} ({request.Method.DisplayName}); are all silos running the same version?"));
                return RemoteSendOutcome.Completed;
            case ResponseStatus.UnknownMethod:
                request.TryFail(new MissingMethodException(
                    $"{targetDescription} does not know {request.Method.ProxyInterfaceType.FullName}.{request.Method.MethodName} (method id {request.Method.MethodId}){message(response)}; are all silos and clients running the same version?"));
                return RemoteSendOutcome.Completed;
            case ResponseStatus.Overloaded:
                request.TryFail(new SiloUnavailableException($"{targetDescription} is overloaded and refused {request.Method.DisplayName}; retry later."));
                return RemoteSendOutcome.Completed;
            case ResponseStatus.Expired:
                request.TryFail(new TimeoutException($"{request.Method.DisplayName} expired before {targetDescription} could run it."));
                return RemoteSendOutcome.Completed;
            default:
                request.TryFail(new InvalidOperationException($"{targetDescription} answered with unknown status {response.Status}."));
                return RemoteSendOutcome.Completed;
        }

        static string message(Message response) =>
            response.Body.IsEmpty ? string.Empty : ": " + System.Text.Encoding.UTF8.GetString(response.Body.Span);
    }
}
