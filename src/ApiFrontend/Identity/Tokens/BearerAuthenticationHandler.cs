using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Identity.Tokens;

/// <summary>
/// <c>Authorization: Bearer &lt;JWT&gt;</c>. The SignalR hubs' <c>access_token</c> query parameter reaches it as
/// that header: <see cref="Realtime.QueryStringCredentials"/> moves it there first. Answers 401 and 403 as problem+json.
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokenValidator validator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var (principal, failure) = await validator.ValidateAsync(token);
        if (principal is null)
        {
            SecurityLog.TokenRejected(Logger, failure ?? "invalid");
            return AuthenticateResult.Fail("The access token is invalid or expired.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var invalid = result.Failure is not null;
        Response.Headers.WWWAuthenticate = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
        await SecurityProblems.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            invalid ? "The access token is invalid or expired." : "Authentication required: send Authorization: Bearer <token> or X-API-Key.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SecurityProblems.WriteAsync(
            Context, StatusCodes.Status403Forbidden, SecurityProblems.InsufficientPermissions, "Your credentials do not allow this action.").AsTask();

    private string? ReadToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header["Bearer ".Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
