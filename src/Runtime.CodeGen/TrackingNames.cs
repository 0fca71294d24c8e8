namespace MindPeeker.Runtime.CodeGen;

/// <summary>Names of the pipeline steps, for tests that check incremental caching.</summary>
internal static class TrackingNames
{
    public const string GrainInterfaces = nameof(GrainInterfaces);

    public const string ManifestInterfaces = nameof(ManifestInterfaces);

    public const string GrainClasses = nameof(GrainClasses);

    public const string ManifestClasses = nameof(ManifestClasses);

    public const string AssemblyName = nameof(AssemblyName);

    public const string Manifest = nameof(Manifest);
}
