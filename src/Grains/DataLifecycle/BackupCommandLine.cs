using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Runtime.Storage.PostgreSql;
using Npgsql;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// <c>dotnet MindPeeker.Silo.dll backup create|list|verify &lt;id&gt;|restore &lt;id&gt;|delete &lt;id&gt; [--Key=Value…]</c>:
/// backups against the configured database (<c>ConnectionStrings:MindPeeker</c>, the same appsettings, environment
/// variables and <c>--</c> switches as the silo) without starting a silo. Exit codes: 0 done, 1 refused or not found,
/// 2 usage error. Logs go to standard error; results to standard output.
/// </summary>
public static class BackupCommandLine
{
    private const string Usage = "usage: backup create | list | verify <id> | restore <id> | delete <id> [--ConnectionStrings:MindPeeker=...] [--Backups:Directory=...]";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Whether <paramref name="args"/> is a backup command (its first argument is <c>backup</c>).</summary>
    public static bool Matches(string[] args) => args is ["backup", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var verb = args.Length > 1 ? args[1] : null;
        var needsId = verb is "verify" or "restore" or "delete";
        if (verb is not ("create" or "list" or "verify" or "restore" or "delete") || (needsId && (args.Length < 3 || args[2].StartsWith('-'))))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var id = needsId ? args[2] : null;
        var builder = Host.CreateApplicationBuilder(args.Skip(needsId ? 3 : 2).ToArray());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        var connectionString = builder.Configuration.GetConnectionString("MindPeeker");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("ConnectionStrings:MindPeeker is not configured (e.g. ConnectionStrings__MindPeeker=\"Host=...;Database=...\").");
            return 2;
        }

        builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(connectionString));
        builder.Services.AddBackups();
        using var host = builder.Build();
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
            return await RunVerbAsync(host.Services, verb, id, output, error);
        }
        catch (OptionsValidationException exception)
        {
            await error.WriteLineAsync("Configuration is invalid: " + string.Join(" ", exception.Failures));
            return 2;
        }
        catch (BackupRejectedException exception)
        {
            await error.WriteLineAsync("Refused: " + exception.Message);
            return 1;
        }
        catch (NpgsqlException exception)
        {
            await error.WriteLineAsync(
                "The database failed: " + exception.Message + " (is ConnectionStrings:MindPeeker right, and was the database migrated by a silo start?)");
            return 1;
        }
    }

    private static async Task<int> RunVerbAsync(IServiceProvider services, string verb, string? id, TextWriter output, TextWriter error)
    {
        var backups = services.GetRequiredService<BackupService>();
        var store = services.GetRequiredService<BackupStore>();
        switch (verb)
        {
            case "create":
                await output.WriteLineAsync(JsonSerializer.Serialize(await backups.CreateAsync(CancellationToken.None), Json));
                return 0;
            case "list":
                foreach (var backup in await store.ListAsync(CancellationToken.None))
                {
                    await output.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{backup.Id}\t{backup.CreatedAt:O}\t{backup.SizeBytes} bytes\t{backup.Tables.Sum(t => t.Rows)} rows in {backup.Tables.Count} tables"));
                }

                return 0;
            case "verify":
                var manifest = await backups.VerifyAsync(id!, CancellationToken.None);
                await output.WriteLineAsync($"{manifest.Id} is intact: every chunk authenticated and all {manifest.Tables.Count} table checksums match.");
                return 0;
            case "restore":
                if (await backups.RestoreAsync(id!, CancellationToken.None) is not { } restored)
                {
                    await error.WriteLineAsync($"No backup {id} in {store.Directory}.");
                    return 1;
                }

                await output.WriteLineAsync(
                    $"Restored {restored.Id} ({restored.Tables.Sum(t => t.Rows)} rows in {restored.Tables.Count} tables). Restart the silos so no grain serves state cached before the restore.");
                return 0;
            default:
                if (!store.Delete(id!))
                {
                    await error.WriteLineAsync($"No backup {id} in {store.Directory}.");
                    return 1;
                }

                await output.WriteLineAsync($"Deleted {id}.");
                return 0;
        }
    }
}
