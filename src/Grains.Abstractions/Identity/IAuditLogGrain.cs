using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// Appends to the append-only <c>audit_log</c> table (a stateless worker: call with key 0). The row's
/// time is the silo's clock. Any feature may write through it.
/// </summary>
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    Task Append(AuditEntry entry);
}
