using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Idempotency;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Http.Idempotency;

/// <summary>
/// Wraps an endpoint's whole request delegate (before body binding, so it sees the raw body and
/// captures the exact answer): without <c>Idempotency-Key</c> the endpoint runs as usual; with one,
/// the first request runs and its answer is stored, its retries get that answer again, a different
/// request under the same key gets 422 and a retry while the first still runs gets 409.
/// </summary>
internal static class IdempotentRequestHandler
{
    public static RequestDelegate Wrap(RequestDelegate endpoint) => context =>
        context.Request.Headers.TryGetValue(IdempotencyKeys.HeaderName, out var values)
            ? HandleAsync(context, endpoint, values.ToString())
            : endpoint(context);

    private static async Task HandleAsync(HttpContext context, RequestDelegate endpoint, string key)
    {
        if (IdempotencyKeys.Problem(key) is { } keyProblem)
        {
            await WriteProblemAsync(context, new HttpValidationProblemDetails(new Dictionary<string, string[]> { [IdempotencyKeys.HeaderName] = [keyProblem] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid Idempotency-Key",
                Detail = keyProblem,
            });
            return;
        }

        var body = await ReadBodyAsync(context);
        var options = context.RequestServices.GetRequiredService<IOptions<IdempotencyOptions>>().Value;
        var ledger = context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IIdempotencyLedgerGrain>(0);
        var owner = IdempotencyKeys.Owner(context);
        var request = new IdempotentRequest(
            owner, key, context.Request.Method, context.Request.Path.Value ?? "/", SHA256.HashData(body), options.Retention, options.Lease);
        var claim = await ledger.Begin(request);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdempotentRequestHandler));
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                IdempotencyLog.Replayed(logger, claim.Response!.StatusCode, request.Method, request.Path);
                await ReplayAsync(context, claim.Response);
                return;
            case IdempotencyOutcome.Mismatch:
                IdempotencyLog.Refused(logger, request.Method, request.Path, nameof(IdempotencyOutcome.Mismatch));
                await WriteProblemAsync(context, new ProblemDetails
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "Idempotency-Key reused",
                    Detail = "This Idempotency-Key was already used with a different request; send a new key for a new request.",
                });
                return;
            case IdempotencyOutcome.InProgress:
                IdempotencyLog.Refused(logger, request.Method, request.Path, nameof(IdempotencyOutcome.InProgress));
                var retryAfter = (long)Math.Max(1, Math.Ceiling(claim.RetryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await WriteProblemAsync(context, new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Request in progress",
                    Detail = $"A request with this Idempotency-Key is still being processed; retry once it has finished (at the latest in {retryAfter} s, when its lease ends).",
                });
                return;
        }

        IdempotencyKeys.SetResourceId(context, claim.ResourceId);
        context.Request.Body = new MemoryStream(body, writable: false);
        await RunAndRecordAsync(context, endpoint, ledger, owner, key, claim.Attempt);
    }

    private static async Task RunAndRecordAsync(HttpContext context, RequestDelegate endpoint, IIdempotencyLedgerGrain ledger, string owner, string key, Guid attempt)
    {
        var client = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await endpoint(context);
        }
        catch
        {
            await ledger.Release(owner, key, attempt);
            throw;
        }
        finally
        {
            context.Response.Body = client;
        }

        var response = context.Response;
        if (IsFinal(response.StatusCode))
        {
            await ledger.Complete(owner, key, attempt, new IdempotentResponse(
                response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, captured.ToArray()));
        }
        else
        {
            await ledger.Release(owner, key, attempt);
        }

        captured.Position = 0;
        await captured.CopyToAsync(client, context.RequestAborted);
    }

    /// <summary>Answers worth replaying: not server errors and not the transient 408, 409 and 429.</summary>
    private static bool IsFinal(int statusCode) =>
        statusCode < 500 && statusCode is not (StatusCodes.Status408RequestTimeout or StatusCodes.Status409Conflict or StatusCodes.Status429TooManyRequests);

    private static async Task ReplayAsync(HttpContext context, IdempotentResponse stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        context.Response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            context.Response.Headers.Location = stored.Location;
        }

        context.Response.Headers[IdempotencyKeys.ReplayedHeaderName] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        return body.ToArray();
    }

    private static ValueTask WriteProblemAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
        });
    }
}
