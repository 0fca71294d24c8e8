using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// Adds the problem+json answers each operation can give and rewrites the ones its metadata declared to the
/// shared <c>ProblemDetails</c> schema: 400 (bad query or body), 401/403 (secured operations), 404 (a path with
/// an id: missing or someone else's), 409/422 (idempotent creates), 413 (bodies over 1 MiB), 429 (everything
/// under <c>/v1</c> is rate limited), 500 and 503 (part of the cluster unavailable; retry after 5 s).
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    /// <summary>Answers that endpoints give from their own logic, which their metadata does not show.</summary>
    private static readonly Dictionary<string, (string Status, string Description)[]> OwnAnswers = new(StringComparer.Ordinal)
    {
        ["Login"] = [("401", "Wrong email, username or password.")],
        ["RefreshToken"] = [("401", "The refresh token is invalid, expired or was already used (which revokes its family).")],
        ["Logout"] = [("401", "The refresh token is invalid or expired.")],
        ["Register"] = [("409", "This email or username is already taken.")],
        ["RotateSigningKey"] = [("409", "The signing key is pinned by configuration (`Identity:SigningKeys:PrivateKeyPem`) and cannot be rotated here.")],
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = "/" + (context.Description.RelativePath ?? string.Empty).TrimStart('/');
        var access = EndpointAccess.Of(context.Description);
        var hasBody = context.Description.ParameterDescriptions.Any(p => p.Source.Id is "Body")
            || operation.RequestBody is not null;
        var hasInput = hasBody || context.Description.ParameterDescriptions.Count > 0 || (operation.Parameters?.Count ?? 0) > 0;
        var rateLimited = path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase);

        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses.ToList())
        {
            if (status.Length == 3 && status[0] is '4' or '5')
            {
                operation.Responses[status] = ProblemResponses.Create(response.Description ?? Describe(status), context.Document);
            }
        }

        foreach (var (status, description) in OwnAnswers.GetValueOrDefault(operation.OperationId ?? string.Empty, []))
        {
            operation.Responses.TryAdd(status, ProblemResponses.Create(description, context.Document));
        }

        Add(operation, context, "400", hasInput);
        Add(operation, context, "401", access.RequiresAuthentication);
        Add(operation, context, "403", access.RequiresAuthentication);
        Add(operation, context, "404", path.Contains('{', StringComparison.Ordinal));
        Add(operation, context, "409", IdempotencyKeyTransformer.Applies(context));
        Add(operation, context, "413", hasBody);
        Add(operation, context, "422", IdempotencyKeyTransformer.Applies(context));
        Add(operation, context, "429", rateLimited);
        Add(operation, context, "500", true);
        Add(operation, context, "503", rateLimited);
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, bool applies)
    {
        if (applies && !operation.Responses!.ContainsKey(status))
        {
            operation.Responses[status] = ProblemResponses.Create(Describe(status), context.Document);
        }
    }

    private static string Describe(string status) => status switch
    {
        "400" => "Bad request: the query, a header or the body is invalid (see `errors`).",
        "401" => "No credentials, or invalid or expired ones.",
        "403" => "The credential lacks the permission this operation needs, or the client address is outside the API key's `ip_whitelist`.",
        "404" => "Not found: it does not exist, or it belongs to another user (never 403).",
        "409" => "A request with the same `Idempotency-Key` is still running.",
        "413" => "The request body is over 1 MiB.",
        "422" => "Unprocessable: the same `Idempotency-Key` was used with a different body, or the request cannot be carried out (see `errors`).",
        "429" => "Rate limit exceeded: retry after `Retry-After` seconds.",
        "500" => "Unexpected server error (the body carries the `requestId` to report).",
        "503" => "Part of the cluster is unavailable or did not answer in time: retry after `Retry-After` seconds.",
        _ => "Error.",
    };
}
