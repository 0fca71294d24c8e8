using System.ComponentModel;

namespace MindPeeker.Runtime.Invocation;

/// <summary>
/// Delivers requests from grain references to activations. The silo's implementation dispatches
/// to its local catalog; a cluster client's would send over the wire. Thread-safe.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainCallInvoker
{
    /// <summary>Sends the request; its completion reaches the caller through the request itself.</summary>
    void Send(GrainReference target, GrainRequest request);
}
