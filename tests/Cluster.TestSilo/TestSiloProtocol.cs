namespace MindPeeker.Cluster.TestSilo;

/// <summary>
/// What the test silo prints for the process that started it, and the settings it reads. A harness waits for
/// <see cref="ReadyPrefix"/> on standard output: the silo is Active in the membership table by then.
/// </summary>
public static class TestSiloProtocol
{
    /// <summary>Printed once the host started: <c>TESTSILO-READY address=host:port@generation pid=1234</c>.</summary>
    public const string ReadyPrefix = "TESTSILO-READY";

    /// <summary>Printed after the host stopped, whatever the reason (SIGTERM, or the silo found itself declared Dead).</summary>
    public const string ExitedLine = "TESTSILO-EXITED";

    /// <summary>The PostgreSQL connection string (membership, directory, grain state): <c>ConnectionStrings:Cluster</c>.</summary>
    public const string ConnectionStringName = "Cluster";

    /// <summary>The grain storage provider the persistent test grains use.</summary>
    public const string StorageName = "Default";
}
