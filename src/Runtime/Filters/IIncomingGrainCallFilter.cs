namespace MindPeeker.Runtime.Filters;

/// <summary>
/// Runs around every grain call received by this silo, inside the target activation's turn.
/// Call <see cref="IIncomingGrainCallContext.Invoke"/> to proceed. Registered in DI; the chain is
/// resolved once at start-up.
/// </summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
