using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Catalog;

/// <summary>Builds generated proxies bound to the silo's invoker. Thread-safe; never activates anything.</summary>
internal sealed class GrainFactory(GrainTypeRegistry registry, IGrainCallInvoker invoker, LocalObjectTable objects) : IGrainFactory
{
    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observer is GrainReference)
        {
            throw new ArgumentException("CreateObjectReference takes the observer object itself, not a reference to it.", nameof(observer));
        }

        if (observer is not TGrainObserverInterface)
        {
            throw new ArgumentException($"The observer does not implement {typeof(TGrainObserverInterface).FullName}.", nameof(observer));
        }

        return GetGrain<TGrainObserverInterface>(objects.Register(observer));
    }

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver reference)
        where TGrainObserverInterface : IGrainObserver
    {
        if (reference is not GrainReference grainReference || !LocalObjectTable.IsObserver(grainReference.GrainId))
        {
            throw new ArgumentException("Not a reference made by CreateObjectReference.", nameof(reference));
        }

        objects.Remove(grainReference.GrainId);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension) where TGrainInterface : IGrainWithGuidCompoundKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(primaryKey, keyExtension));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension) where TGrainInterface : IGrainWithIntegerCompoundKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(primaryKey, keyExtension));

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IAddressable =>
        (TGrainInterface)(object)registry.GetProxyFactory(typeof(TGrainInterface))(invoker, grainId);

    private TGrainInterface Create<TGrainInterface>(string key)
    {
        var binding = registry.GetInterfaceBinding(typeof(TGrainInterface));
        return (TGrainInterface)(object)binding.ProxyFactory(invoker, GrainId.Create(binding.GrainType, key));
    }
}
