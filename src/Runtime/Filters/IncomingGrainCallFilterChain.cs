using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Filters;

/// <summary>The silo's incoming call filters, in registration order. Immutable; shared by all activations.</summary>
internal sealed class IncomingGrainCallFilterChain(IIncomingGrainCallFilter[] filters)
{
    public Task InvokeAsync(object grain, GrainRequest request) =>
        new IncomingGrainCallContext(filters, grain, request).Invoke();

    /// <summary>Null when no filter is registered, so the call path skips filtering entirely.</summary>
    public static IncomingGrainCallFilterChain? Create(IEnumerable<IIncomingGrainCallFilter> filters)
    {
        var array = filters.ToArray();
        return array.Length == 0 ? null : new IncomingGrainCallFilterChain(array);
    }
}
