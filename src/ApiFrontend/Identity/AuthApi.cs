using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Identity.Tokens;
using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary><c>/v1/auth</c>: register, login, refresh (rotating), logout. Failures never tell whether an account exists.</summary>
internal static class AuthApi
{
    private const string InvalidCredentials = "Invalid email/username or password.";
    private const string InvalidRefreshToken = "The refresh token is invalid, expired or revoked.";

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder group)
    {
        group.MapPost("/register", Register).Validate<RegisterRequest>().WithName("Register");
        group.MapPost("/login", Login).Validate<LoginRequest>().WithName("Login");
        group.MapPost("/refresh", Refresh).Validate<RefreshTokenRequest>().WithName("RefreshToken");
        group.MapPost("/logout", Logout).Validate<RefreshTokenRequest>().WithName("Logout");
        return group;
    }

    internal static async Task<Results<Created<ApiEnvelope<AuthResponse>>, ProblemHttpResult>> Register(
        RegisterRequest request, HttpContext context, IGrainFactory grains, TokenPair tokens, IOptions<IdentityOptions> options, ILoggerFactory loggers)
    {
        var email = request.Email!.Trim();
        var roles = options.Value.AdminEmails.Contains(email, StringComparer.OrdinalIgnoreCase)
            ? new[] { UserRoles.User, UserRoles.Admin }
            : [UserRoles.User];
        var user = await grains.GetGrain<ICredentialsGrain>(0).Register(new Registration(email, request.Username!.Trim(), request.Password!, roles));
        if (user is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: "This email or username is already taken.");
        }

        SecurityLog.UserRegistered(loggers.CreateLogger(typeof(AuthApi)), user.Id, string.Join(',', roles));
        await Audit(grains, context, AuditActions.Register, user.Id);
        var response = await tokens.IssueAsync(user);
        return ApiResults.Created(context, "/v1/users/me", response, "Registered.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<AuthResponse>>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext context, IGrainFactory grains, TokenPair tokens, ILoggerFactory loggers)
    {
        var userId = await grains.GetGrain<ICredentialsGrain>(0).Verify(request.Login, request.Password!);
        if (userId is not { } id || await grains.GetGrain<IUserGrain>(id).GetProfile() is not { } user)
        {
            SecurityLog.LoginFailed(loggers.CreateLogger(typeof(AuthApi)));
            await Audit(grains, context, AuditActions.LoginFailed, null, new Dictionary<string, string> { ["login"] = request.Login });
            return Unauthorized(InvalidCredentials);
        }

        await Audit(grains, context, AuditActions.Login, user.Id);
        return ApiResults.Ok(context, await tokens.IssueAsync(user), "Logged in.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<RefreshResponse>>, ProblemHttpResult>> Refresh(
        RefreshTokenRequest request, HttpContext context, IGrainFactory grains, AccessTokenIssuer issuer, IOptions<IdentityOptions> options, ILoggerFactory loggers)
    {
        if (!RefreshTokenFormat.TryGetFamily(request.RefreshToken, out var family))
        {
            return Unauthorized(InvalidRefreshToken);
        }

        var outcome = await grains.GetGrain<IRefreshTokenFamilyGrain>(family).Rotate(request.RefreshToken!, options.Value.RefreshTokenLifetime);
        if (outcome.Status == RefreshStatus.ReuseDetected)
        {
            SecurityLog.RefreshTokenReuse(loggers.CreateLogger(typeof(AuthApi)), outcome.UserId);
            await Audit(grains, context, AuditActions.RefreshReuseDetected, outcome.UserId, new Dictionary<string, string> { ["family_id"] = family.ToString() });
        }

        if (outcome is not { Status: RefreshStatus.Rotated, UserId: { } userId, Token: { } next }
            || await grains.GetGrain<IUserGrain>(userId).GetProfile() is not { } user)
        {
            return Unauthorized(InvalidRefreshToken);
        }

        var access = await issuer.IssueAsync(user);
        return ApiResults.Ok(context, new RefreshResponse(access, next, (int)issuer.Lifetime.TotalSeconds), "Token refreshed.");
    }

    internal static async Task<NoContent> Logout(RefreshTokenRequest request, HttpContext context, IGrainFactory grains)
    {
        // Always 204: the answer must not tell whether the token was valid.
        if (RefreshTokenFormat.TryGetFamily(request.RefreshToken, out var family)
            && await grains.GetGrain<IRefreshTokenFamilyGrain>(family).Revoke(request.RefreshToken!))
        {
            await Audit(grains, context, AuditActions.Logout, null, new Dictionary<string, string> { ["family_id"] = family.ToString() });
        }

        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);

    private static Task Audit(IGrainFactory grains, HttpContext context, string action, Guid? userId, IReadOnlyDictionary<string, string>? details = null) =>
        grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            action, userId, null, "user", userId?.ToString(), ClientAddress.Of(context)?.ToString(), details));
}
