using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// Declares the response headers of API.md on every response that carries them: <c>X-Request-Id</c> everywhere;
/// under <c>/v1</c> (everything rate limited) <c>RateLimit-Policy</c>, <c>RateLimit</c> and the legacy
/// <c>X-RateLimit-*</c>; <c>Retry-After</c> on 429 and 503; <c>Location</c> on 201; <c>Idempotent-Replayed</c>
/// where an <c>Idempotency-Key</c> is honored.
/// </summary>
internal sealed class ResponseHeadersTransformer : IOpenApiDocumentTransformer
{
    private static readonly string[] RateLimitHeaders = ["RateLimit-Policy", "RateLimit", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers = Definitions();
        foreach (var (path, operation) in DocumentOperations.All(document))
        {
            var rateLimited = path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase);
            var idempotent = operation.Parameters?.Any(p => p.Name == IdempotencyKeyTransformer.HeaderName && p.In == ParameterLocation.Header) == true;
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is not OpenApiResponse concrete)
                {
                    continue;
                }

                var names = new List<string> { "X-Request-Id" };
                if (rateLimited)
                {
                    names.AddRange(RateLimitHeaders);
                }

                if (status is "429" or "503")
                {
                    names.Add("Retry-After");
                }

                if (status == "201")
                {
                    names.Add("Location");
                }

                if (idempotent && status.StartsWith('2'))
                {
                    names.Add("Idempotent-Replayed");
                }

                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
                foreach (var name in names)
                {
                    concrete.Headers[name] = new OpenApiHeaderReference(name, document);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static Dictionary<string, IOpenApiHeader> Definitions() => new(StringComparer.Ordinal)
    {
        ["X-Request-Id"] = Header("The request's id (`req_…`), also in every body as `requestId`; quote it when reporting a problem.", 100),
        ["RateLimit-Policy"] = Header("Every policy the request was charged to (IETF httpapi draft), e.g. `\"default\";q=100;w=60`.", 1000),
        ["RateLimit"] = Header("What is left of each policy, e.g. `\"default\";r=42;t=17` (remaining, seconds to reset).", 1000),
        ["X-RateLimit-Limit"] = IntegerHeader("Requests allowed per window by the binding policy.", int.MaxValue),
        ["X-RateLimit-Remaining"] = IntegerHeader("Requests left in the binding policy's window.", int.MaxValue),
        ["X-RateLimit-Reset"] = new OpenApiHeader
        {
            Description = "When the binding policy's window resets (ISO-8601 UTC).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", MaxLength = 64 },
        },
        ["Retry-After"] = IntegerHeader("Seconds to wait before retrying (rounded up; never early).", 86_400),
        ["Location"] = new OpenApiHeader
        {
            Description = "URL of the created resource.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 2048 },
        },
        ["Idempotent-Replayed"] = new OpenApiHeader
        {
            Description = "`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
        },
    };

    private static OpenApiHeader Header(string description, int maxLength) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength },
    };

    private static OpenApiHeader IntegerHeader(string description, int maximum) => new()
    {
        Description = description,
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = "0",
            Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };
}
