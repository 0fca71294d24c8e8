using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Filters;

/// <summary>One call as seen by an <see cref="IIncomingGrainCallFilter"/>.</summary>
public interface IIncomingGrainCallContext
{
    /// <summary>The grain instance receiving the call.</summary>
    object Grain { get; }

    GrainId TargetId { get; }

    GrainMethod InterfaceMethod { get; }

    /// <summary>The request, with typed arguments readable through <see cref="GrainRequest.GetArgument"/>.</summary>
    GrainRequest Request { get; }

    /// <summary>The method's result after <see cref="Invoke"/> (boxed); filters may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Calls the next filter, or the grain method after the last one.</summary>
    Task Invoke();
}
