using MindPeeker.ApiFrontend.Http.Validation;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary><c>POST /v1/auth/login</c>: an email or a username, and the password.</summary>
internal sealed record LoginRequest(string? Email, string? Username, string? Password) : IValidatableRequest
{
    public string Login => (string.IsNullOrWhiteSpace(Email) ? Username : Email)!.Trim();

    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Username))
        {
            errors.AddError("email", "An email or a username is required.");
        }
        else if (Login.Length > 255)
        {
            errors.AddError(string.IsNullOrWhiteSpace(Email) ? "username" : "email", "At most 255 characters.");
        }

        if (string.IsNullOrEmpty(Password) || Password.Length > 1024)
        {
            errors.AddError("password", "A password (at most 1024 characters) is required.");
        }

        return errors;
    }
}
