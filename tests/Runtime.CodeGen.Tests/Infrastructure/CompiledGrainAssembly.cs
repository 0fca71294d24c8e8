using System.Reflection;
using System.Runtime.Loader;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

/// <summary>
/// A compiled snippet loaded into a collectible context. The runtime assembly resolves to the
/// test's own copy, so the generated types can be used through the real runtime contracts.
/// </summary>
internal sealed class CompiledGrainAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context = new(nameof(CompiledGrainAssembly), isCollectible: true);

    public CompiledGrainAssembly(Stream image)
    {
        Assembly = _context.LoadFromStream(image);
    }

    public Assembly Assembly { get; }

    public Type GetType(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Finds the manifest provider through the assembly attribute, as the runtime does, and populates a builder.</summary>
    public GrainManifestBuilder PopulateManifest()
    {
        var attribute = Assembly.GetCustomAttribute<GrainManifestProviderAttribute>();
        attribute.Should().NotBeNull("the generator names the manifest provider with an assembly attribute");
        var provider = (GrainManifestProvider)Activator.CreateInstance(attribute!.ProviderType)!;
        var builder = new GrainManifestBuilder();
        provider.Populate(builder);
        return builder;
    }

    public void Dispose() => _context.Unload();
}
