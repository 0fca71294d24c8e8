using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Catalog;

/// <summary>Builds generated proxies bound to the silo's invoker. Thread-safe; never activates anything.</summary>
internal sealed class GrainFactory(GrainTypeRegistry registry, IGrainCallInvoker invoker) : IGrainFactory
{
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
