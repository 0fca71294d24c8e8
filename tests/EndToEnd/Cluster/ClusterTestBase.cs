using MindPeeker.TestSupport;
using Xunit.Abstractions;

namespace MindPeeker.EndToEnd.Cluster;

/// <summary>
/// A test class that runs a real cluster on its own fresh database (<see cref="PostgreSqlTestDatabase"/>, dropped
/// afterwards); each test builds its <see cref="TestCluster"/> with a cluster id of its own and reports what it saw.
/// </summary>
public abstract class ClusterTestBase(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<TestCluster> _clusters = [];

    private protected PostgreSqlTestDatabase Database { get; } = new();

    private protected ITestOutputHelper Output { get; } = output;

    public Task InitializeAsync() => Database.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters)
        {
            await cluster.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private protected TestCluster NewCluster(IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        var cluster = new TestCluster(Database.ConnectionString, siloSettings);
        _clusters.Add(cluster);
        return cluster;
    }

    /// <summary>Runs <paramref name="test"/>; a failure carries the tail of every process's output, which is where the cause is.</summary>
    private protected static async Task WithProcessOutputAsync(TestCluster cluster, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"{exception.Message}{Environment.NewLine}Process output:{cluster.Describe()}", exception);
        }
    }
}
