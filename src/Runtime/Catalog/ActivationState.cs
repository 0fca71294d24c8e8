namespace MindPeeker.Runtime.Catalog;

/// <summary>Where an activation is in its life. Transitions only move forward.</summary>
internal enum ActivationState
{
    /// <summary>Registered in the catalog; nothing has run yet.</summary>
    Creating,

    /// <summary>Constructing the grain, loading state, running OnActivateAsync. Calls wait.</summary>
    Activating,

    /// <summary>Serving calls.</summary>
    Valid,

    /// <summary>Running OnDeactivateAsync. Calls wait and are forwarded to the next activation.</summary>
    Deactivating,

    /// <summary>Gone from the catalog; accepts nothing.</summary>
    Invalid,
}
