using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Catalog;

/// <summary>The collection an activation belongs to: the catalog, or a stateless worker pool.</summary>
internal interface IActivationOwner
{
    /// <summary>The activation became invalid: forget it.</summary>
    void OnActivationInvalid(ActivationData activation);

    /// <summary>A request reached an activation that went away before running it: send it to its successor.</summary>
    void Redispatch(GrainRequest request, GrainId grainId);
}
