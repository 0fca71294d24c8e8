using System.Text.Json;
using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.Grains.Abstractions.Integrations;

namespace MindPeeker.ApiFrontend.Integrations;

/// <summary><c>POST /v1/integrations</c> (API.md): name, type, platform, credentials (strings) and configuration (an object).</summary>
internal sealed record CreateIntegrationRequest(
    string? Name,
    string? Type,
    string? Platform,
    Dictionary<string, JsonElement>? Credentials,
    JsonElement? Configuration) : IValidatableRequest
{
    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > IntegrationRules.MaxNameLength)
        {
            errors.AddError("name", $"A name of 1 to {IntegrationRules.MaxNameLength} characters is required.");
        }

        if (Type is null || !IntegrationPlatforms.Types.Contains(Type))
        {
            errors.AddError("type", $"One of {string.Join(", ", IntegrationPlatforms.Types)}.");
        }

        if (Platform is null || !IntegrationPlatforms.All.Contains(Platform))
        {
            errors.AddError("platform", $"One of {string.Join(", ", IntegrationPlatforms.All)}.");
            return errors;
        }

        foreach (var (field, messages) in IntegrationRules.Validate(Platform, CredentialTexts.Of(Credentials ?? []), Configuration ?? default))
        {
            errors[field] = messages;
        }

        return errors;
    }

    /// <summary>The grain's command; call only after <see cref="Validate"/> passed.</summary>
    public NewIntegration ToCommand(IntegrationCaller owner) =>
        new(owner, Name!.Trim(), Type!, Platform!, CredentialTexts.Values(Credentials ?? []), Configuration!.Value);
}
