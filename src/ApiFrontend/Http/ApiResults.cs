using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MindPeeker.ApiFrontend.Http;

/// <summary>Builds the API.md success envelope around a payload.</summary>
public static class ApiResults
{
    public static ApiEnvelope<T> Envelope<T>(HttpContext context, T data, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var time = context.RequestServices.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        return new ApiEnvelope<T>(true, data, message, time.GetUtcNow(), RequestIds.Of(context));
    }

    public static Ok<ApiEnvelope<T>> Ok<T>(HttpContext context, T data, string message) =>
        TypedResults.Ok(Envelope(context, data, message));

    public static Created<ApiEnvelope<T>> Created<T>(HttpContext context, string location, T data, string message) =>
        TypedResults.Created(location, Envelope(context, data, message));
}
