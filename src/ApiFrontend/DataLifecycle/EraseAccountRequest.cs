using MindPeeker.ApiFrontend.Http.Validation;

namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary><c>DELETE /v1/users/me</c>: the account's password, re-confirmed (a stolen access token alone cannot erase an account).</summary>
internal sealed record EraseAccountRequest(string? Password) : IValidatableRequest
{
    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(Password) || Password.Length > 1024)
        {
            errors.AddError("password", "Your current password is required to erase your account.");
        }

        return errors;
    }
}
