using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Secrets;

/// <summary>
/// With no master key configured, loads the key kept in <see cref="MasterKeyOptions.DevelopmentKeyFile"/> (when set,
/// in any environment; else in the Development environment only, from the default file), generating it (32 random
/// bytes, file mode 0600) on the first start, and warns loudly (once per process) that secrets at rest are protected by a
/// key lying next to the data. Otherwise it does nothing, and the validator refuses to start without a configured key.
/// </summary>
internal sealed class DevelopmentMasterKey(IHostEnvironment environment, ILogger<DevelopmentMasterKey> logger) : IPostConfigureOptions<MasterKeyOptions>
{
    public const string FileName = "integration-master-keys.json";

    private readonly Lock _lock = new();
    private (string Path, StoredKeys Keys)? _loaded;

    public void PostConfigure(string? name, MasterKeyOptions options)
    {
        if (options.MasterKeys.Count > 0 || (options.DevelopmentKeyFile is null && !environment.IsDevelopment()))
        {
            return;
        }

        var path = options.DevelopmentKeyFile ?? DefaultPath(environment.ContentRootPath);
        StoredKeys stored;
        lock (_lock)
        {
            // Options are built more than once (the value, the start-up validation): read the file and warn once.
            if (_loaded is not { } loaded || loaded.Path != path)
            {
                _loaded = loaded = (path, LoadOrCreate(path));
                SecretsLog.DevelopmentMasterKeyInUse(logger, path);
            }

            stored = loaded.Keys;
        }

        options.MasterKeys = new Dictionary<string, string>(stored.MasterKeys);
        options.ActiveVersion = stored.ActiveVersion;
    }

    /// <summary><c>.data/</c> of the repository holding <paramref name="contentRoot"/> (found by <c>MindPeeker.sln</c>), else of the content root.</summary>
    public static string DefaultPath(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MindPeeker.sln")))
            {
                return Path.Combine(directory.FullName, ".data", FileName);
            }
        }

        return Path.Combine(contentRoot, ".data", FileName);
    }

    private static StoredKeys LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(SecretCipher.KeySize);
        var stored = new StoredKeys(1, new Dictionary<string, string> { ["1"] = Convert.ToBase64String(key) });
        CryptographicOperations.ZeroMemory(key);

        // Written aside and moved in place (refusing to overwrite), so a parallel start never reads half a file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var creation = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            creation.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, creation))
        {
            JsonSerializer.Serialize(file, stored);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return stored;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (a parallel test host) created it first: use theirs.
            File.Delete(temporary);
            return Read(path);
        }
    }

    private static StoredKeys Read(string path) =>
        JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} holds no integration master keys.");

    private sealed record StoredKeys(int ActiveVersion, Dictionary<string, string> MasterKeys);
}
