namespace MindPeeker.Runtime;

/// <summary>
/// Creates grain references. Getting a reference is local and cheap: it neither activates the
/// grain nor contacts any other component. Thread-safe.
/// </summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey;

    TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey;

    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;

    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension) where TGrainInterface : IGrainWithGuidCompoundKey;

    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension) where TGrainInterface : IGrainWithIntegerCompoundKey;

    /// <summary>A reference to the grain with the given id, typed as one of the interfaces its class implements.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IAddressable;

    /// <summary>
    /// A reference through which grains anywhere in the cluster call <paramref name="observer"/> in this
    /// process, as in Orleans. The reference stays valid until <see cref="DeleteObjectReference{TGrainObserverInterface}"/>
    /// or the end of the process; it serializes like a grain reference. The object is held strongly.
    /// </summary>
    TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver;

    /// <summary>Stops delivering calls made through <paramref name="reference"/>; later calls fail.</summary>
    void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver reference)
        where TGrainObserverInterface : IGrainObserver;
}
