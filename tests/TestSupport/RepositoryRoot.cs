namespace MindPeeker.TestSupport;

/// <summary>The repository root (the folder holding MindPeeker.sln), found upwards from the test assembly.</summary>
public static class RepositoryRoot
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

        throw new InvalidOperationException("MindPeeker.sln not found above " + AppContext.BaseDirectory);
    }
}
