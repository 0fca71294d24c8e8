namespace MindPeeker.Silo;

/// <summary>
/// The silo's own command-line switches, turned into configuration before the host reads it:
/// <c>--role cpu|gpu</c> sets <c>Silo:Roles:0</c> (a <c>gpu</c> silo also defaults
/// <c>Analysis:ExecutionProvider</c> to <c>auto</c>), <c>--no-frontend</c> sets <c>Silo:HostApiFrontend=false</c>.
/// Everything else passes through to ASP.NET Core (<c>--urls</c>, <c>--Silo:Endpoints:SiloPort=...</c>).
/// </summary>
internal static class SiloCommandLine
{
    public const string HostApiFrontendKey = "Silo:HostApiFrontend";

    private static readonly string[] KnownRoles = ["cpu", "gpu"];

    public static string[] Normalize(string[] args)
    {
        var result = new List<string>(args.Length + 2);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--role" or "-r")
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException("--role needs a value: cpu or gpu.");
                }

                AddRole(result, args[++i]);
            }
            else if (arg.StartsWith("--role=", StringComparison.Ordinal))
            {
                AddRole(result, arg["--role=".Length..]);
            }
            else if (arg == "--no-frontend")
            {
                result.Add($"--{HostApiFrontendKey}=false");
            }
            else
            {
                result.Add(arg);
            }
        }

        return [.. result];
    }

    private static void AddRole(List<string> result, string role)
    {
        if (!KnownRoles.Contains(role, StringComparer.Ordinal))
        {
            throw new ArgumentException($"--role must be cpu or gpu, not '{role}'.");
        }

        result.Add($"--Silo:Roles:0={role}");
        if (role == "gpu")
        {
            // Command-line values win over appsettings, so an explicit --Analysis:ExecutionProvider later still wins.
            result.Insert(0, "--Analysis:ExecutionProvider=auto");
        }
    }
}
