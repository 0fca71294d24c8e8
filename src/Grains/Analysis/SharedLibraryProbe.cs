using System.Runtime.InteropServices;

namespace MindPeeker.Grains.Analysis;

/// <summary>Asks the platform's dynamic loader whether a shared library can be loaded by its name.</summary>
internal interface ISharedLibraryProbe
{
    /// <summary>True when <paramref name="libraryName"/> (e.g. <c>libcudart.so.13</c>) loads through the normal search path.</summary>
    bool CanLoad(string libraryName);
}

/// <summary>The real loader: loads the library and unloads it again.</summary>
internal sealed class NativeSharedLibraryProbe : ISharedLibraryProbe
{
    public bool CanLoad(string libraryName)
    {
        if (!NativeLibrary.TryLoad(libraryName, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }
}
