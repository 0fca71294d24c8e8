using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary><c>GET /v1/users/me</c>: the caller's profile, read through the user grain.</summary>
internal static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder group)
    {
        group.MapGet("/me", GetMe).RequireAuthenticatedCaller().WithName("GetCurrentUser");
        return group;
    }

    internal static async Task<Results<Ok<ApiEnvelope<UserResponse>>, ProblemHttpResult>> GetMe(HttpContext context, IGrainFactory grains)
    {
        var user = await grains.GetGrain<IUserGrain>(context.User.GetUserId()).GetProfile();
        return user is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "The account no longer exists.")
            : ApiResults.Ok(context, UserResponse.From(user), "Current user.");
    }
}
