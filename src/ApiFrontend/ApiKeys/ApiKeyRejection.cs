using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.ApiKeys;

/// <summary>Why a presented key was refused, and with which status: unknown/revoked and expired 401, outside the allowlist 403.</summary>
internal sealed class ApiKeyRejection(int status, string detail) : Exception(detail)
{
    public static ApiKeyRejection Invalid { get; } = new(StatusCodes.Status401Unauthorized, "The API key is invalid or revoked.");

    public static ApiKeyRejection Expired { get; } = new(StatusCodes.Status401Unauthorized, "The API key has expired.");

    public static ApiKeyRejection AddressNotAllowed { get; } = new(StatusCodes.Status403Forbidden, "Requests from this address are not allowed for this API key.");

    public int Status { get; } = status;
}
