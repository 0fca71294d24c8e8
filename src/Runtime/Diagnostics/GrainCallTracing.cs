using System.Diagnostics;
using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Diagnostics;

/// <summary>
/// Spans of grain calls on the <c>MindPeeker.GrainCalls</c> activity source. Where a call is sent, a client span
/// (child of <see cref="Activity.Current"/>) is started and its W3C trace context is put into the call's request
/// context under <see cref="TraceParentKey"/> (and <see cref="TraceStateKey"/>), which crosses the wire like any
/// request context value; where an activation runs the call, a server span continues that context and is current
/// while the grain method runs, so PostgreSQL commands and further grain calls become its children. A server span
/// is only started for calls that carry a trace context. Without an activity listener (no exporter configured)
/// every method returns after one <see cref="ActivitySource.HasListeners"/> check. Thread-safe.
/// </summary>
public static class GrainCallTracing
{
    public const string SourceName = "MindPeeker.GrainCalls";

    /// <summary>Request context key of the W3C <c>traceparent</c> of the calling span.</summary>
    public const string TraceParentKey = "traceparent";

    /// <summary>Request context key of the W3C <c>tracestate</c>, present only when the calling span has one.</summary>
    public const string TraceStateKey = "tracestate";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the client span of <paramref name="request"/> and stamps its trace context into the request's context data.</summary>
    internal static void OnSend(GrainRequest request)
    {
        if (!Source.HasListeners())
        {
            return;
        }

        var previous = Activity.Current;
        var activity = Source.StartActivity(request.Method.DisplayName, ActivityKind.Client);

        // The proxy's caller continues synchronously: the client span must not become its current activity.
        Activity.Current = previous;
        if (activity is null)
        {
            return;
        }

        Describe(activity, request);
        var context = request.RequestContextData is { } existing
            ? new Dictionary<string, object>(existing, StringComparer.Ordinal)
            : new Dictionary<string, object>(2, StringComparer.Ordinal);
        context[TraceParentKey] = activity.Id!;
        if (activity.TraceStateString is { } state)
        {
            context[TraceStateKey] = state;
        }
        else
        {
            context.Remove(TraceStateKey);
        }

        request.RequestContextData = context;
        request.ClientActivity = activity;
    }

    /// <summary>Ends the client span of a completed request, if it has one.</summary>
    internal static void OnCompleted(GrainRequest request, Exception? error)
    {
        if (request.ClientActivity is { } activity)
        {
            request.ClientActivity = null;
            Stop(activity, error);
        }
    }

    /// <summary>
    /// Starts the server span of a request an activation is about to run and makes it current; returns the activity that
    /// was current before, to be restored with <see cref="RestoreCurrent"/> once the turn's synchronous part returned.
    /// </summary>
    internal static Activity? StartServer(GrainRequest request)
    {
        var previous = Activity.Current;
        if (!Source.HasListeners()
            || request.RequestContextData is not { } values
            || values.GetValueOrDefault(TraceParentKey) is not string traceParent
            || !ActivityContext.TryParse(traceParent, values.GetValueOrDefault(TraceStateKey) as string, isRemote: true, out var parent))
        {
            return previous;
        }

        var activity = Source.StartActivity(request.Method.DisplayName, ActivityKind.Server, parent);
        if (activity is not null)
        {
            Describe(activity, request);
            request.ServerActivity = activity;
        }

        return previous;
    }

    internal static void RestoreCurrent(Activity? previous)
    {
        if (Activity.Current != previous)
        {
            Activity.Current = previous;
        }
    }

    /// <summary>Ends the server span of a finished request, if it has one.</summary>
    internal static void OnServerCompleted(GrainRequest request, Exception? error)
    {
        if (request.ServerActivity is { } activity)
        {
            request.ServerActivity = null;
            Stop(activity, error);
        }
    }

    private static void Describe(Activity activity, GrainRequest request)
    {
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("rpc.system", "mindpeeker");
            activity.SetTag("rpc.service", request.Method.ProxyInterfaceType.FullName);
            activity.SetTag("rpc.method", request.Method.MethodName);
        }
    }

    private static void Stop(Activity activity, Exception? error)
    {
        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        }

        // Stop() makes the span's predecessor current in this execution context; whoever completes the request keeps its own.
        var current = Activity.Current;
        activity.Stop();
        RestoreCurrent(current);
    }
}
