using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MindPeeker.ApiFrontend.Http.Lists;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// Describes the list conventions of API.md ("Lists") on every list operation: <c>limit</c> (1–100, default
/// 20) and <c>starting_after</c>; on the customers' lists (not under <c>/v1/admin</c>) also incremental sync,
/// <c>updated_since</c> and <c>include_deleted</c> (docs/data-lifecycle.md); plus the query parameters that
/// endpoints read from the query string themselves rather than by binding (<c>status</c> on
/// <c>ListSessions</c>, the sequence cursor of <c>GetSessionEvents</c>). Parameters that binding already
/// declared keep their place and get the schema and description of their name.
/// </summary>
internal sealed class ListParametersTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string[]> ReadByHand = new(StringComparer.Ordinal)
    {
        ["ListSessions"] = ["status"],
        ["GetSessionEvents"] = ["starting_after"],
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var isList = context.Description.SupportedResponseTypes.Any(r => r.Type is { } type && Mentions(type, typeof(ListResponse<>)));
        var wanted = new List<string>();
        if (isList)
        {
            wanted.AddRange(["limit", "starting_after"]);
            if (!(context.Description.RelativePath ?? string.Empty).StartsWith("v1/admin", StringComparison.OrdinalIgnoreCase))
            {
                wanted.AddRange(["updated_since", "include_deleted"]);
            }
        }

        if (operation.OperationId is { } id && ReadByHand.TryGetValue(id, out var names))
        {
            wanted.AddRange(names);
        }

        operation.Parameters ??= [];
        foreach (var name in wanted.Distinct(StringComparer.Ordinal))
        {
            if (!operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Query))
            {
                operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query });
            }
        }

        var sequenceCursor = operation.OperationId == "GetSessionEvents";
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            Describe(parameter, sequenceCursor);
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiParameter parameter, bool sequenceCursor)
    {
        switch (parameter.Name)
        {
            case "limit":
                parameter.Description ??= $"Page size, {1}–{ListQuery.MaxLimit} (default {ListQuery.DefaultLimit}).";
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = "1",
                    Maximum = ListQuery.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Default = JsonValue.Create(ListQuery.DefaultLimit),
                };
                break;
            case "starting_after" when sequenceCursor:
                parameter.Description ??= "Answer only the updates after this sequence number (0 or absent: from the first).";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Maximum = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                break;
            case "starting_after":
                parameter.Description ??= "Cursor: the `next_cursor` of the previous page (with `updated_since`, the opaque `s1_…` cursor of the previous sync page).";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 };
                break;
            case "updated_since":
                parameter.Description ??= "Incremental sync: only items changed at or after this instant (RFC 3339, e.g. 2026-01-01T00:00:00Z). "
                    + "The page is then ordered by `(updated_at, id)` ascending, `next_cursor` is opaque and `deleted` lists tombstones "
                    + "(with `include_deleted=true`).";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", MaxLength = 64 };
                break;
            case "include_deleted":
                parameter.Description ??= "With `updated_since`: also list what was deleted since then, in `deleted` (default false).";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(false) };
                break;
            case "since" or "until":
                parameter.Description ??= "Time range bound (ISO-8601).";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", MaxLength = 64 };
                break;
            case "status":
                parameter.Description ??= "Only items with this status.";
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 50 };
                break;
            default:
                break;
        }
    }

    private static bool Mentions(Type type, Type openGeneric) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == openGeneric || type.GetGenericArguments().Any(a => Mentions(a, openGeneric)));
}
