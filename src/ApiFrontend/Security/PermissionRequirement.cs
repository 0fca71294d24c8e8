using Microsoft.AspNetCore.Authorization;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>The endpoint's policy: the caller must be allowed <see cref="Action"/> on <see cref="Resource"/>.</summary>
internal sealed record PermissionRequirement(string Resource, string Action) : IAuthorizationRequirement;
