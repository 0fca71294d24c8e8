using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>
/// <c>/v1/admin/backups</c>: create, list, restore, delete database backups (docs/data-lifecycle.md), through
/// <see cref="IBackupGrain"/>. Admins only (<c>admin:read</c> to list, <c>admin:create|update|delete</c> to act); audited.
/// A backup that fails verification answers 422 and the database is untouched.
/// </summary>
internal static class BackupsApi
{
    public static RouteGroupBuilder MapBackupsApi(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/backups");
        group.MapPost("/", Create).RequirePermission(Permissions.Admin, Permissions.Create).WithName("CreateBackup");
        group.MapGet("/", List).RequirePermission(Permissions.Admin, Permissions.Read).WithName("ListBackups");
        group.MapPost("/{id}/restore", Restore).RequirePermission(Permissions.Admin, Permissions.Update).WithName("RestoreBackup");
        group.MapDelete("/{id}", Delete).RequirePermission(Permissions.Admin, Permissions.Delete).WithName("DeleteBackup");
        return admin;
    }

    internal static async Task<Created<ApiEnvelope<BackupResponse>>> Create(HttpContext context, IGrainFactory grains)
    {
        var backup = await grains.GetGrain<IBackupGrain>(0).Create();
        await AuditAsync(context, grains, AuditActions.BackupCreated, backup.Id);
        return ApiResults.Created(context, $"/v1/admin/backups/{backup.Id}", BackupResponse.From(backup), "Backup created.");
    }

    internal static async Task<Ok<ApiEnvelope<ItemsEnvelope<BackupResponse>>>> List(HttpContext context, IGrainFactory grains)
    {
        var backups = await grains.GetGrain<IBackupGrain>(0).List();
        return ApiResults.Ok(context, new ItemsEnvelope<BackupResponse>(backups.Select(BackupResponse.From).ToList()), "Backups, newest first.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<RestoreResponse>>, ProblemHttpResult>> Restore(string id, HttpContext context, IGrainFactory grains)
    {
        BackupSummary? restored;
        try
        {
            restored = await grains.GetGrain<IBackupGrain>(0).Restore(id);
        }
        catch (BackupRejectedException exception)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Backup rejected", detail: exception.Message + " Nothing was restored.");
        }

        if (restored is null)
        {
            return NotFound(id);
        }

        await AuditAsync(context, grains, AuditActions.BackupRestored, id);
        return ApiResults.Ok(
            context, new RestoreResponse(BackupResponse.From(restored), RestartRequired: true), "Backup restored. Restart the silos to drop state cached before the restore.");
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, HttpContext context, IGrainFactory grains)
    {
        if (!await grains.GetGrain<IBackupGrain>(0).Delete(id))
        {
            return NotFound(id);
        }

        await AuditAsync(context, grains, AuditActions.BackupDeleted, id);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No backup '{id}'.");

    private static Task AuditAsync(HttpContext context, IGrainFactory grains, string action, string backupId) =>
        grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            action, context.User.GetUserId(), context.User.GetApiKeyId(), "backup", backupId, ClientAddress.Of(context)?.ToString()));
}
