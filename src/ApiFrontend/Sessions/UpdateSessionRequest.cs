using System.Text.Json;
using MindPeeker.ApiFrontend.Http.Validation;

namespace MindPeeker.ApiFrontend.Sessions;

/// <summary><c>PATCH /v1/sessions/{id}</c>: <c>{metadata}</c>, which replaces the session's metadata (an object of at most 16 KiB).</summary>
internal sealed record UpdateSessionRequest(JsonElement? Metadata) : IValidatableRequest
{
    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        SessionMetadata.Validate(Metadata, errors, required: true);
        return errors;
    }
}
