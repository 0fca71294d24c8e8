using System.ComponentModel;

namespace MindPeeker.Runtime.Invocation;

/// <summary>
/// Base class of generated grain proxies. A reference is an id plus the invoker that delivers its
/// calls: it holds no location, is cheap to create and safe to share across threads.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    protected GrainReference(IGrainCallInvoker invoker, GrainId grainId)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        Invoker = invoker;
        GrainId = grainId;
    }

    public GrainId GrainId { get; }

    internal IGrainCallInvoker Invoker { get; }

    /// <summary>The local activation this reference last reached; a routing hint owned by the invoker.</summary>
    internal object? CachedActivation { get; set; }

    protected ValueTask<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request)
    {
        Invoker.Send(this, request);
        return request.AsValueTask();
    }

    protected ValueTask InvokeAsync(VoidGrainRequest request)
    {
        Invoker.Send(this, request);
        return request.AsValueTask();
    }

    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId;

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();
}
