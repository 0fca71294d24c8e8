using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.DataLifecycle;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// The backup directory (<see cref="BackupOptions.Directory"/>): <c>{id}.mpbackup</c> (the encrypted file) and
/// <c>{id}.json</c> (its manifest in plaintext, for listing). Ids are <c>bk_yyyyMMddTHHmmssfffZ_{8 hex}</c>; any other
/// id is refused before a path is built. Thread-safe for distinct ids.
/// </summary>
internal sealed partial class BackupStore(IOptions<BackupOptions> options, TimeProvider time)
{
    public const string FileExtension = ".mpbackup";
    public const string ManifestExtension = ".json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Directory => Path.GetFullPath(options.Value.Directory);

    public string NewId() =>
        "bk_" + time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "_"
        + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>The encrypted file's path; throws <see cref="BackupRejectedException"/> for a malformed id.</summary>
    public string FilePath(string id) =>
        IsValidId(id) ? Path.Combine(Directory, id + FileExtension) : throw new BackupRejectedException($"'{id}' is not a backup id (bk_…).");

    public string ManifestPath(string id) => Path.Combine(Directory, id + ManifestExtension);

    public async Task WriteManifestAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        var path = ManifestPath(manifest.Id);
        await File.WriteAllBytesAsync(path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(manifest, Json), cancellationToken);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static BackupManifest ParseManifest(byte[] json) =>
        JsonSerializer.Deserialize<BackupManifest>(json, Json) ?? throw new BackupRejectedException("The backup's manifest is empty.");

    public static byte[] ManifestBytes(BackupManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, Json);

    /// <summary>The stored backups with a readable manifest and their file, newest first.</summary>
    public async Task<IReadOnlyList<BackupSummary>> ListAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var list = new List<BackupSummary>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "bk_*" + FileExtension))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            if (IsValidId(id) && File.Exists(ManifestPath(id)))
            {
                try
                {
                    var manifest = ParseManifest(await File.ReadAllBytesAsync(ManifestPath(id), cancellationToken));
                    list.Add(manifest.ToSummary(new FileInfo(file).Length));
                }
                catch (JsonException)
                {
                    // A manifest that does not parse is not listed; the file stays for an operator to inspect.
                }
            }
        }

        return [.. list.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id, StringComparer.Ordinal)];
    }

    public bool Exists(string id) => IsValidId(id) && File.Exists(FilePath(id));

    public bool Delete(string id)
    {
        if (!Exists(id))
        {
            return false;
        }

        File.Delete(FilePath(id));
        File.Delete(ManifestPath(id));
        return true;
    }

    /// <summary>Deletes backups beyond <see cref="BackupOptions.RetentionCount"/> and older than <see cref="BackupOptions.RetentionAge"/>, never the newest. Returns the deleted ids.</summary>
    public async Task<IReadOnlyList<string>> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var all = await ListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var doomed = all.Skip(1)
            .Where((backup, index) => (options.Value.RetentionCount > 0 && index + 1 >= options.Value.RetentionCount)
                || (options.Value.RetentionAge is { } age && now - backup.CreatedAt > age))
            .Select(b => b.Id)
            .ToList();
        foreach (var id in doomed)
        {
            Delete(id);
        }

        return doomed;
    }

    [GeneratedRegex("^bk_[0-9]{8}T[0-9]{9}Z_[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
