using System.Text.Json;
using System.Text.Json.Nodes;
using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.Grains.Abstractions.Integrations;

namespace MindPeeker.ApiFrontend.Integrations;

/// <summary>
/// <c>PATCH /v1/integrations/{id}</c>: <c>name</c>; <c>configuration</c>, whose top-level members replace the current ones
/// (a member set to null is removed), e.g. <c>{"configuration": {"rate_limit": {...}}}</c>; <c>credentials</c>, which replace
/// all credentials. Members left out stay as they are.
/// </summary>
internal sealed record UpdateIntegrationRequest(string? Name, JsonElement? Configuration, Dictionary<string, JsonElement>? Credentials) : IValidatableRequest
{
    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (Name is not null && (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > IntegrationRules.MaxNameLength))
        {
            errors.AddError("name", $"A name of 1 to {IntegrationRules.MaxNameLength} characters.");
        }

        if (Configuration is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            errors.AddError("configuration", "Must be a JSON object of the members to change.");
        }

        return errors;
    }

    /// <summary>
    /// The changes against <paramref name="current"/>, or the reasons they are invalid for its platform (the merged
    /// configuration and the new credentials are checked as a create would check them).
    /// </summary>
    public IntegrationChanges? ToChanges(IntegrationView current, out Dictionary<string, string[]> errors)
    {
        var configuration = Configuration is { ValueKind: JsonValueKind.Object } patch ? Merge(current.Configuration, patch) : (JsonElement?)null;
        errors = IntegrationRules.Validate(current.Platform, Credentials is null ? null : CredentialTexts.Of(Credentials), configuration ?? current.Configuration);
        return errors.Count > 0
            ? null
            : new IntegrationChanges(Name?.Trim(), configuration, Credentials is null ? null : CredentialTexts.Values(Credentials));
    }

    private static JsonElement Merge(JsonElement current, JsonElement patch)
    {
        var merged = JsonNode.Parse(current.GetRawText()) as JsonObject ?? [];
        foreach (var member in patch.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                merged.Remove(member.Name);
            }
            else
            {
                merged[member.Name] = JsonNode.Parse(member.Value.GetRawText());
            }
        }

        return JsonSerializer.SerializeToElement(merged);
    }
}
