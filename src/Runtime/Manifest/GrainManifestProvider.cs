using System.ComponentModel;

namespace MindPeeker.Runtime.Manifest;

/// <summary>
/// Generated once per assembly that declares grain interfaces or grain classes; tells the runtime
/// about them without reflection over the assembly's types.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainManifestProvider
{
    public abstract void Populate(GrainManifestBuilder builder);
}

/// <summary>Names the generated <see cref="GrainManifestProvider"/> of an assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainManifestProviderAttribute(Type providerType) : Attribute
{
    public Type ProviderType { get; } = providerType;
}
