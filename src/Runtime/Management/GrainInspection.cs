using System.Text.Json.Nodes;

namespace MindPeeker.Runtime.Management;

/// <summary>
/// One silo's answer to <c>dashboard.grain</c>: whether it knows the grain type, why the key is invalid (null when
/// valid), the normalized grain id, and, when the grain is active here, the activation id and its persistent states
/// by name (secrets redacted by <see cref="StateRedaction"/>).
/// </summary>
public sealed record GrainInspection(
    bool KnownType,
    string? KeyError,
    string GrainId,
    bool Activated,
    Guid? ActivationId,
    IReadOnlyDictionary<string, JsonNode?> States);

/// <summary>The argument of <c>dashboard.grain</c>: grain type and key as the operator typed them.</summary>
public sealed record GrainInspectionRequest(string GrainType, string Key);
