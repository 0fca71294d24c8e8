using System.Text.Json.Nodes;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// The grain inspector's answer: the grain id as the runtime prints it, and — when it is activated — the silo it
/// lives on, its activation id and its persistent states by name (secrets redacted); otherwise those are null.
/// </summary>
public sealed record GrainInspectionResponse(
    string GrainId,
    string GrainType,
    string Key,
    bool Activated,
    string? Silo,
    string? SiloName,
    Guid? ActivationId,
    IReadOnlyDictionary<string, JsonNode?>? State);
