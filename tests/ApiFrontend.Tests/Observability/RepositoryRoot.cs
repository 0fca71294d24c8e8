namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>The repository checkout the tests run from (the folder holding MindPeeker.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "MindPeeker.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MindPeeker.sln above {AppContext.BaseDirectory}.");
    }
}
