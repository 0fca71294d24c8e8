using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace MindPeeker.ApiFrontend.Dashboard.Web;

/// <summary>
/// The admin dashboard's static files, embedded in this assembly under <see cref="ResourcePrefix"/> (see the
/// project file), so the standalone front end, the co-hosted silo, test servers and container images all serve
/// the same files without a content root. Read once; immutable and thread-safe afterwards.
/// </summary>
internal sealed class DashboardAssets
{
    public const string ResourcePrefix = "dashboard/";
    public const string IndexPath = "index.html";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, DashboardAsset> _assets;

    private DashboardAssets(FrozenDictionary<string, DashboardAsset> assets) => _assets = assets;

    /// <summary>Reads every embedded dashboard file of <paramref name="assembly"/> whose extension has a known media type.</summary>
    public static DashboardAssets Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            path = path[ResourcePrefix.Length..];
            assets[path] = new DashboardAsset(path, content, contentType, etag);
        }

        return new DashboardAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The file at <paramref name="path"/> (relative, case-sensitive; empty means the index), or null.</summary>
    public DashboardAsset? Find(string? path) =>
        _assets.GetValueOrDefault(string.IsNullOrEmpty(path) ? IndexPath : path);
}
