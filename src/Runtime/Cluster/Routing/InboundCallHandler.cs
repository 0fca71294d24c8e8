using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Cluster.Serialization;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Manifest;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Routing;

/// <summary>
/// Turns requests arriving over the wire back into grain requests and answers them when they finish.
/// On a silo: calls from other silos go to the local activation (placed here when the sender chose this
/// silo; "not here" when it named an activation this silo no longer has), calls from clients are routed
/// like local calls, observer calls reach the local object. On a client: only observer calls arrive.
/// </summary>
internal sealed class InboundCallHandler(
    GrainTypeRegistry registry,
    GrainCallJson json,
    TimeProvider time,
    Func<GrainId, GrainRequest, IMessageConnection, Message, bool> dispatch,
    ILogger logger,
    Func<SiloRuntimeReport>? statistics = null,
    SiloControlHandlers? control = null) : IInboundMessageHandler
{
    /// <summary>Responses of calls that finish inline leave together at the end of each read.</summary>
    public bool HoldsFlushesPerRead => true;

    public void OnMessage(Message message, IMessageConnection connection)
    {
        if (message.Kind is not (MessageKind.Request or MessageKind.OneWay))
        {
            return;
        }

        if (string.Equals(message.InterfaceName, SystemRequests.Manifest, StringComparison.Ordinal))
        {
            Respond(connection, message, ResponseStatus.Ok, JsonSerializer.SerializeToUtf8Bytes(registry.GetBindingsByName()));
            return;
        }

        if (string.Equals(message.InterfaceName, SystemRequests.Statistics, StringComparison.Ordinal) && statistics is not null)
        {
            Respond(connection, message, ResponseStatus.Ok, JsonSerializer.SerializeToUtf8Bytes(statistics()));
            return;
        }

        if (string.Equals(message.InterfaceName, SystemRequests.Control, StringComparison.Ordinal) && control is not null)
        {
            _ = AnswerControlAsync(control, message, connection);
            return;
        }

        if (message.TargetGrain is null || message.InterfaceName is null)
        {
            Reject(connection, message, ResponseStatus.UnknownMethod, "The request names no target grain or interface.");
            return;
        }

        GrainId grainId;
        try
        {
            grainId = GrainId.Parse(message.TargetGrain);
        }
        catch (FormatException exception)
        {
            Reject(connection, message, ResponseStatus.UnknownGrainType, exception.Message);
            return;
        }

        if (!registry.TryGetRequestFactory(message.InterfaceName, out var factory))
        {
            Reject(connection, message, ResponseStatus.UnknownMethod, $"Interface '{message.InterfaceName}' is unknown here.");
            return;
        }

        var request = factory(message.MethodId);
        if (request is null || !string.Equals(request.Method.MethodName, message.MethodName, StringComparison.Ordinal))
        {
            Reject(connection, message, ResponseStatus.UnknownMethod,
                $"Method id {message.MethodId} of '{message.InterfaceName}' is {(request is null ? "unknown" : request.Method.MethodName)} here, not '{message.MethodName}'.");
            return;
        }

        try
        {
            json.DeserializeArguments(request, message.Body.Span);
            request.RequestContextData = GrainCallJson.DeserializeRequestContext(message.RequestContext.Span);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            Respond(connection, message, ResponseStatus.Exception, RemoteExceptionCodec.Serialize(
                new ArgumentException($"The arguments of {request.Method.DisplayName} could not be read: {exception.Message}", exception)));
            return;
        }

        var now = time.GetTimestamp();
        request.SentTimestamp = now;
        request.DeadlineTimestamp = message.TimeToLiveMilliseconds > 0
            ? now + (long)(message.TimeToLiveMilliseconds / 1000.0 * time.TimestampFrequency)
            : long.MaxValue / 2;
        request.ForwardCount = message.ForwardCount;
        if (message.Kind == MessageKind.Request)
        {
            request.ContinueInline();
        }

        if (dispatch(grainId, request, connection, message) && message.Kind == MessageKind.Request)
        {
            // An idle activation ran the call inline and it finished without awaiting: answer now, no task needed.
            if (request.TryGetJsonResult(json.Options, out var result, out var error))
            {
                RespondWithOutcome(request, message, connection, result, error);
            }
            else
            {
                _ = RespondWhenDoneAsync(request, message, connection);
            }
        }
    }

    /// <summary>Answers with a status and no grain involvement (not here, unknown method, ...).</summary>
    public void Reject(IMessageConnection connection, Message request, ResponseStatus status, string reason)
    {
        RoutingLog.CallRejected(logger, Describe(connection), reason);
        Respond(connection, request, status, Encoding.UTF8.GetBytes(reason));
    }

    private async Task AnswerControlAsync(SiloControlHandlers handlers, Message message, IMessageConnection connection)
    {
        JsonElement argument;
        try
        {
            argument = message.Body.IsEmpty ? default : JsonSerializer.Deserialize<JsonElement>(message.Body.Span);
        }
        catch (JsonException exception)
        {
            Respond(connection, message, ResponseStatus.Exception, Encoding.UTF8.GetBytes("The silo control argument is not JSON: " + exception.Message));
            return;
        }

        using var deadline = message.TimeToLiveMilliseconds > 0
            ? new CancellationTokenSource(TimeSpan.FromMilliseconds(message.TimeToLiveMilliseconds), time)
            : new CancellationTokenSource();
        var outcome = await handlers.HandleAsync(message.MethodName ?? string.Empty, argument, deadline.Token).ConfigureAwait(false);
        if (outcome.Error is { } error)
        {
            Respond(connection, message, ResponseStatus.Exception, Encoding.UTF8.GetBytes(error));
        }
        else
        {
            Respond(connection, message, ResponseStatus.Ok, JsonSerializer.SerializeToUtf8Bytes(outcome.Result));
        }
    }

    private async Task RespondWhenDoneAsync(GrainRequest request, Message message, IMessageConnection connection)
    {
        var (result, error) = await request.WaitForJsonResultAsync(json.Options).ConfigureAwait(false);
        RespondWithOutcome(request, message, connection, result, error);
    }

    private void RespondWithOutcome(GrainRequest request, Message message, IMessageConnection connection, byte[]? result, Exception? error)
    {
        if (error is null)
        {
            Respond(connection, message, ResponseStatus.Ok, result ?? []);
        }
        else if (error is TimeoutException && request.DeadlineTimestamp <= time.GetTimestamp())
        {
            Respond(connection, message, ResponseStatus.Expired, Encoding.UTF8.GetBytes(error.Message));
        }
        else
        {
            Respond(connection, message, ResponseStatus.Exception, RemoteExceptionCodec.Serialize(error));
        }
    }

    private void Respond(IMessageConnection connection, Message request, ResponseStatus status, byte[] body)
    {
        if (request.Kind != MessageKind.Request)
        {
            return;
        }

        var response = new Message { Kind = MessageKind.Response, Id = request.Id, Status = status, Body = body };
        var send = connection.SendAsync(response);
        if (!send.IsCompletedSuccessfully)
        {
            _ = ObserveResponseSendAsync(send, connection, response);
        }
    }

    private async Task ObserveResponseSendAsync(ValueTask send, IMessageConnection connection, Message response)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ConnectionClosedException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            RoutingLog.RespondFailed(logger, exception, response.Id, Describe(connection));
        }
    }

    private static string Describe(IMessageConnection connection) =>
        connection.RemoteSilo?.ToString() ?? (connection.RemoteClientId is { } client ? "client " + client : "unknown peer");
}
