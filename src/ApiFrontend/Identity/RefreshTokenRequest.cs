using MindPeeker.ApiFrontend.Http.Validation;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary><c>POST /v1/auth/refresh</c> and <c>/logout</c>: the refresh token.</summary>
internal sealed record RefreshTokenRequest(string? RefreshToken) : IValidatableRequest
{
    public Dictionary<string, string[]> Validate(TimeProvider time) =>
        string.IsNullOrWhiteSpace(RefreshToken) || RefreshToken.Length > 200
            ? new Dictionary<string, string[]> { ["refresh_token"] = ["A refresh token is required."] }
            : [];
}
