using MindPeeker.Grains.Abstractions.DataLifecycle;

namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>What an erasure removed (admin answer of <c>DELETE /v1/admin/users/{id}</c>).</summary>
internal sealed record ErasureResponse(Guid UserId, int Sessions, int Webhooks, int Integrations, int ApiKeys)
{
    public static ErasureResponse From(ErasureReport report) =>
        new(report.UserId, report.Sessions, report.Webhooks, report.Integrations, report.ApiKeyIds.Count);
}
