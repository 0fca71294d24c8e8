using MindPeeker.Grains.Analysis;

namespace MindPeeker.Grains.Tests.Analysis;

/// <summary>
/// Stands in for the dynamic loader so the CUDA selection logic can be checked the same way on machines with and
/// without CUDA: only the listed libraries "load". Records what was asked.
/// </summary>
internal sealed class FixedLibraryProbe(params string[] loadable) : ISharedLibraryProbe
{
    private readonly List<string> _asked = [];

    /// <summary>Every CUDA library the provider needs loads.</summary>
    public static FixedLibraryProbe AllCudaLibraries() => new([.. CudaRuntimeLibraries.Required.Select(library => library.Library)]);

    public IReadOnlyList<string> Asked
    {
        get
        {
            lock (_asked)
            {
                return [.. _asked];
            }
        }
    }

    public bool CanLoad(string libraryName)
    {
        lock (_asked)
        {
            _asked.Add(libraryName);
        }

        return loadable.Contains(libraryName, StringComparer.Ordinal);
    }
}
