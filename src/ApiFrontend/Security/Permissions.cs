namespace MindPeeker.ApiFrontend.Security;

/// <summary>The resources and actions of API.md ("API keys"), for <see cref="PermissionEndpointExtensions.RequirePermission"/>.</summary>
public static class Permissions
{
    public const string Sessions = "sessions";
    public const string Analyses = "analyses";
    public const string Webhooks = "webhooks";
    public const string Integrations = "integrations";
    public const string ApiKeys = "api-keys";
    public const string Admin = "admin";

    public const string Create = "create";
    public const string Read = "read";
    public const string Update = "update";
    public const string Delete = "delete";

    /// <summary>Any resource or any action.</summary>
    public const string Any = "*";

    public static IReadOnlyList<string> Resources { get; } = [Sessions, Analyses, Webhooks, Integrations, ApiKeys, Admin];

    public static IReadOnlyList<string> Actions { get; } = [Create, Read, Update, Delete, Any];
}
