using System.ComponentModel;
using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Manifest;

/// <summary>Creates the proxy for a grain interface.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate GrainReference GrainProxyFactory(IGrainCallInvoker invoker, GrainId grainId);

/// <summary>Creates an empty request for a method id of a proxy (null for an unknown id): how a silo rebuilds a remote call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate GrainRequest? GrainRequestFactory(int methodId);

/// <summary>Collects what generated manifest providers declare.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainManifestBuilder
{
    internal Dictionary<Type, GrainProxyFactory> Proxies { get; } = [];

    internal Dictionary<Type, GrainRequestFactory> RequestFactories { get; } = [];

    internal Dictionary<Type, GrainClassDescriptor> Classes { get; } = [];

    public void AddInterface(Type interfaceType, GrainProxyFactory proxyFactory)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(proxyFactory);
        Proxies[interfaceType] = proxyFactory;
    }

    /// <summary>Declares a grain or observer interface, its proxy, and how to rebuild its requests from the wire.</summary>
    public void AddInterface(Type interfaceType, GrainProxyFactory proxyFactory, GrainRequestFactory requestFactory)
    {
        ArgumentNullException.ThrowIfNull(requestFactory);
        AddInterface(interfaceType, proxyFactory);
        RequestFactories[interfaceType] = requestFactory;
    }

    public void AddGrainClass(GrainClassDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Classes[descriptor.GrainClass] = descriptor;
    }
}
