using System.Text.Json;
using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.Grains.Abstractions.Sessions;

namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>
/// <c>POST /v1/sessions</c>: <c>{cue, session_type, parameters?: {confidence_threshold, analysis_types}, metadata?}</c>.
/// A cue is 1–4000 characters and not blank, unless <c>metadata.encrypted</c> is true: then it is
/// opaque text and only its length is checked. Whether the session type's model supports the
/// analysis types is the session grain's call (422).
/// </summary>
internal sealed record CreateSessionRequest(string? Cue, string? SessionType, SessionParametersRequest? Parameters, JsonElement? Metadata)
    : IValidatableRequest
{
    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        var characters = Cue?.EnumerateRunes().Count() ?? 0;
        if (Cue is null || characters is 0 or > SessionLimits.MaxCueCharacters)
        {
            errors.AddError("cue", $"A cue of 1 to {SessionLimits.MaxCueCharacters} characters is required.");
        }
        else if (!SessionMetadata.IsEncrypted(Metadata) && string.IsNullOrWhiteSpace(Cue))
        {
            errors.AddError("cue", "The cue must not be blank.");
        }

        if (!SessionTypes.IsKnown(SessionType))
        {
            errors.AddError("session_type", $"Must be one of {string.Join(", ", SessionTypes.All)}.");
        }

        if (Parameters?.ConfidenceThreshold is { } threshold && !(threshold is >= 0 and <= 1))
        {
            errors.AddError("parameters.confidence_threshold", "Must be a number from 0 to 1.");
        }

        ValidateAnalysisTypes(Parameters?.AnalysisTypes, errors);
        SessionMetadata.Validate(Metadata, errors, required: false);
        return errors;
    }

    public CreateSession ToCommand(Guid ownerId) => new(
        ownerId,
        Cue!,
        SessionType!,
        new SessionParameters(
            Parameters?.ConfidenceThreshold ?? SessionLimits.DefaultConfidenceThreshold,
            [.. (Parameters?.AnalysisTypes ?? []).Select(t => t!)]),
        SessionMetadata.Normalize(Metadata));

    private static void ValidateAnalysisTypes(IReadOnlyList<string?>? analysisTypes, Dictionary<string, string[]> errors)
    {
        if (analysisTypes is null)
        {
            return;
        }

        if (analysisTypes.Count > SessionLimits.MaxAnalysisTypes)
        {
            errors.AddError("parameters.analysis_types", $"At most {SessionLimits.MaxAnalysisTypes} analysis types.");
        }
        else if (analysisTypes.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > SessionLimits.MaxAnalysisTypeLength))
        {
            errors.AddError("parameters.analysis_types", $"Each analysis type is a name of 1 to {SessionLimits.MaxAnalysisTypeLength} characters.");
        }
        else if (analysisTypes.Distinct(StringComparer.Ordinal).Count() != analysisTypes.Count)
        {
            errors.AddError("parameters.analysis_types", "Each analysis type may appear once.");
        }
    }
}
