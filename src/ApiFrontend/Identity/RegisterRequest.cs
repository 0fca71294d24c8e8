using System.Net.Mail;
using MindPeeker.ApiFrontend.Http.Validation;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary><c>POST /v1/auth/register</c>: email, username (3–100 characters), password (at least 12).</summary>
internal sealed record RegisterRequest(string? Email, string? Username, string? Password) : IValidatableRequest
{
    public const int MinPasswordLength = 12;

    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Email) || Email.Length > 255 || !IsEmail(Email))
        {
            errors.AddError("email", "A valid email address (at most 255 characters) is required.");
        }

        if (string.IsNullOrWhiteSpace(Username) || Username.Trim().Length is < 3 or > 100)
        {
            errors.AddError("username", "A username of 3 to 100 characters is required.");
        }
        else if (Username.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '@'))
        {
            errors.AddError("username", "Usernames may not contain spaces, control characters or '@'.");
        }

        if (Password is null || Password.Length < MinPasswordLength)
        {
            errors.AddError("password", $"A password of at least {MinPasswordLength} characters is required.");
        }
        else if (Password.Length > 1024)
        {
            errors.AddError("password", "Passwords are limited to 1024 characters.");
        }
        else if (Password.Distinct().Count() < 4)
        {
            errors.AddError("password", "The password must use at least 4 different characters.");
        }

        return errors;
    }

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);
}
