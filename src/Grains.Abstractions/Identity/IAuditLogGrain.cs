using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>
/// Appends to and reads the append-only <c>audit_log</c> table (a stateless worker: call with key 0). The row's
/// time is the silo's clock. Any feature may write through it; only the admin audit API reads.
/// </summary>
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    Task Append(AuditEntry entry);

    /// <summary>One page of entries matching <paramref name="query"/>, newest first; never modifies the table.</summary>
    Task<AuditPage> Query(AuditQuery query);
}
