using System.Security.Cryptography;

namespace MindPeeker.EndToEnd;

/// <summary>
/// The single-process host of the README walk-through: <c>dotnet MindPeeker.Silo.dll</c> with the front end
/// co-hosted, alone in a fresh cluster on the given database.
/// </summary>
internal static class SiloProcess
{
    public static Task<HostProcess> StartAsync(string connectionString) =>
        HostProcess.StartAsync(
            "silo",
            BuildPaths.SiloAssembly,
            [],
            new Dictionary<string, string>
            {
                ["ConnectionStrings__MindPeeker"] = connectionString,
                ["Silo__ClusterId"] = "e2e-" + Guid.NewGuid().ToString("N"),
                ["Silo__Endpoints__SiloPort"] = "0",
                ["Silo__Endpoints__ListenAddress"] = "127.0.0.1",

                // A production silo refuses to start without the integrations' master key.
                ["Integrations__Credentials__MasterKeys__1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            });
}
