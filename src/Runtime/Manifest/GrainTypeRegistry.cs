using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace MindPeeker.Runtime.Manifest;

/// <summary>
/// Everything the generated manifests of the silo's grain assemblies declare: proxies per
/// interface, classes per grain type, and which class serves each interface. Built once at
/// start-up (the only reflection: reading the assemblies' manifest attributes); read-only after.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainProxyFactory> _proxies;
    private readonly Dictionary<string, GrainClassDescriptor> _classesByGrainType = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<GrainClassDescriptor>> _classesByInterface = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, InterfaceBinding> _bindings = new();
    private readonly Dictionary<string, (Type Interface, GrainRequestFactory Factory)> _requestFactories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _interfacesByName = new(StringComparer.Ordinal);

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        var builder = new GrainManifestBuilder();
        MindPeeker.Runtime.Reminders.RemindableReference.AddTo(builder);
        foreach (var assembly in WithReferencedGrainAssemblies(assemblies))
        {
            foreach (var attribute in assembly.GetCustomAttributes<GrainManifestProviderAttribute>())
            {
                ((GrainManifestProvider)Activator.CreateInstance(attribute.ProviderType)!).Populate(builder);
            }
        }

        _proxies = builder.Proxies;
        foreach (var (grainInterface, factory) in builder.RequestFactories)
        {
            _requestFactories[grainInterface.FullName!] = (grainInterface, factory);
        }

        foreach (var grainInterface in _proxies.Keys)
        {
            _interfacesByName[grainInterface.FullName!] = grainInterface;
        }
        foreach (var descriptor in builder.Classes.Values)
        {
            if (_classesByGrainType.TryGetValue(descriptor.GrainType, out var clash))
            {
                throw new InvalidOperationException(
                    $"Grain classes {clash.GrainClass.FullName} and {descriptor.GrainClass.FullName} both use grain type '{descriptor.GrainType}'; give one a [GrainType] name.");
            }

            _classesByGrainType.Add(descriptor.GrainType, descriptor);
            foreach (var grainInterface in descriptor.Interfaces)
            {
                if (!_classesByInterface.TryGetValue(grainInterface, out var list))
                {
                    _classesByInterface[grainInterface] = list = [];
                }

                list.Add(descriptor);
            }
        }

        foreach (var (grainInterface, proxy) in _proxies)
        {
            if (_classesByInterface.TryGetValue(grainInterface, out var classes) && classes.Count == 1)
            {
                _bindings[grainInterface] = new InterfaceBinding(proxy, classes[0].GrainType);
            }
        }
    }

    public int InterfaceCount => _proxies.Count;

    public IReadOnlyCollection<GrainClassDescriptor> Classes => _classesByGrainType.Values;

    /// <summary>The interface → grain type map this process can serve (silos) or has learned (clients), by interface full name.</summary>
    public IReadOnlyDictionary<string, string> GetBindingsByName() =>
        _bindings.ToDictionary(b => b.Key.FullName!, b => b.Value.GrainType, StringComparer.Ordinal);

    /// <summary>
    /// Learns interface → grain type bindings from a silo's manifest (a cluster client has the interfaces but
    /// not the grain classes). Bindings for interfaces this process does not know are ignored. Thread-safe
    /// with readers.
    /// </summary>
    public void AddRemoteBindings(IReadOnlyDictionary<string, string> grainTypesByInterfaceName)
    {
        ArgumentNullException.ThrowIfNull(grainTypesByInterfaceName);
        foreach (var (name, grainType) in grainTypesByInterfaceName)
        {
            if (_interfacesByName.TryGetValue(name, out var grainInterface) && _proxies.TryGetValue(grainInterface, out var proxy))
            {
                _bindings[grainInterface] = new InterfaceBinding(proxy, grainType);
            }
        }
    }

    /// <summary>How a silo rebuilds a request named on the wire by proxy interface full name and method id.</summary>
    public bool TryGetRequestFactory(string interfaceName, [NotNullWhen(true)] out GrainRequestFactory? factory)
    {
        factory = _requestFactories.TryGetValue(interfaceName, out var entry) ? entry.Factory : null;
        return factory is not null;
    }

    public bool TryGetInterface(string interfaceName, [NotNullWhen(true)] out Type? grainInterface) =>
        _interfacesByName.TryGetValue(interfaceName, out grainInterface);

    public bool TryGetClass(string grainType, [NotNullWhen(true)] out GrainClassDescriptor? descriptor) =>
        _classesByGrainType.TryGetValue(grainType, out descriptor);

    public GrainProxyFactory GetProxyFactory(Type grainInterface) =>
        _proxies.TryGetValue(grainInterface, out var factory)
            ? factory
            : throw new ArgumentException(
                $"{grainInterface.FullName} is not a known grain interface: is its assembly added with AddGrains, and does it reference MindPeeker.Runtime.CodeGen?", nameof(grainInterface));

    public InterfaceBinding GetInterfaceBinding(Type grainInterface)
    {
        if (_bindings.TryGetValue(grainInterface, out var binding))
        {
            return binding;
        }

        _ = GetProxyFactory(grainInterface);
        var classes = _classesByInterface.GetValueOrDefault(grainInterface);
        throw new ArgumentException(
            classes is null
                ? $"No grain class implementing {grainInterface.FullName} is registered: add its assembly with AddGrains."
                : $"Several grain classes implement {grainInterface.FullName} ({string.Join(", ", classes.Select(c => c.GrainClass.Name))}); call GetGrain with a GrainId to choose one.",
            nameof(grainInterface));
    }

    private static IEnumerable<Assembly> WithReferencedGrainAssemblies(IEnumerable<Assembly> assemblies)
    {
        var seen = new HashSet<Assembly>();
        foreach (var assembly in assemblies)
        {
            if (seen.Add(assembly))
            {
                yield return assembly;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                var referenced = Assembly.Load(reference);
                if (seen.Add(referenced) && referenced.IsDefined(typeof(GrainManifestProviderAttribute)))
                {
                    yield return referenced;
                }
            }
        }
    }

    internal sealed record InterfaceBinding(GrainProxyFactory ProxyFactory, string GrainType);
}
