using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Filters;

internal sealed class IncomingGrainCallContext(IIncomingGrainCallFilter[] filters, object grain, GrainRequest request) : IIncomingGrainCallContext
{
    private int _next;

    public object Grain => grain;

    public GrainId TargetId => ((Grain)grain).GrainId;

    public GrainMethod InterfaceMethod => request.Method;

    public GrainRequest Request => request;

    public object? Result
    {
        get => request.StoredResult;
        set => request.StoredResult = value;
    }

    public Task Invoke()
    {
        if (_next < filters.Length)
        {
            return filters[_next++].Invoke(this);
        }

        return request.InvokeAndStoreResultAsync(grain).AsTask();
    }
}
