namespace MindPeeker.Deployment.Tests;

/// <summary>Locates the repository (the folder holding MindPeeker.sln) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string K8sDirectory => Path.Combine(Root, "k8s");

    public static string FullPath(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    /// <summary>The path relative to the repository root with forward slashes, as failure messages show it.</summary>
    public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MindPeeker.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MindPeeker.sln above {AppContext.BaseDirectory}.");
    }
}
