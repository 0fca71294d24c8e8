using System.Reflection;

namespace MindPeeker.Runtime.Hosting;

/// <summary>The assemblies whose generated grain manifests the silo loads.</summary>
public sealed class GrainAssemblyOptions
{
    public List<Assembly> Assemblies { get; } = [];
}
