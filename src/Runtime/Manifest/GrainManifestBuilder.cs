using System.ComponentModel;
using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Manifest;

/// <summary>Creates the proxy for a grain interface.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate GrainReference GrainProxyFactory(IGrainCallInvoker invoker, GrainId grainId);

/// <summary>Collects what generated manifest providers declare.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainManifestBuilder
{
    internal Dictionary<Type, GrainProxyFactory> Proxies { get; } = [];

    internal Dictionary<Type, GrainClassDescriptor> Classes { get; } = [];

    public void AddInterface(Type interfaceType, GrainProxyFactory proxyFactory)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(proxyFactory);
        Proxies[interfaceType] = proxyFactory;
    }

    public void AddGrainClass(GrainClassDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Classes[descriptor.GrainClass] = descriptor;
    }
}
