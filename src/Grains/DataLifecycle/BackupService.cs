using System.Data;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using Npgsql;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// Takes and restores backups (docs/data-lifecycle.md). A backup is every <see cref="BackupCatalog"/> table read in one
/// REPEATABLE READ, read-only transaction (one consistent snapshot) with binary <c>COPY … TO STDOUT</c> in primary-key
/// order, framed (<see cref="BackupFrame"/>), Brotli-compressed and sealed in AES-256-GCM chunks
/// (<see cref="BackupChunkCipher"/>). A restore first reads the whole file — authenticating every chunk, recomputing
/// every table's SHA-256 and comparing it and the schema with the manifest — and only then, in one transaction,
/// truncates the tables (<c>RESTART IDENTITY CASCADE</c>), loads them with binary <c>COPY … FROM STDIN</c> and moves
/// identity sequences past the restored ids. A silo (or CLI) singleton; callers serialize operations
/// (<see cref="BackupGrain"/>).
/// </summary>
internal sealed class BackupService(NpgsqlDataSource dataSource, BackupStore store, BackupKeys keys, TimeProvider time, ILogger<BackupService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string SequencesSql = """
        SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = ANY(@tables) AND a.attnum > 0 AND NOT a.attisdropped
          AND pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) IS NOT NULL
        """;

    public async Task<BackupSummary> CreateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(store.Directory);
        var id = store.NewId();
        var path = store.FilePath(id);
        var temporary = path + ".tmp";
        var started = time.GetTimestamp();
        var header = BackupFileHeader.New(keys.ActiveKeyId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await ExecuteAsync(connection, "SET TRANSACTION READ ONLY", cancellationToken);
        var schema = await BackupCatalog.SchemaAsync(connection, cancellationToken);
        var tables = await BackupCatalog.TablesAsync(connection, cancellationToken);
        BackupManifest manifest;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await file.WriteAsync(header.ToBytes(), cancellationToken);
                using var cipher = new BackupChunkCipher(keys.Key(header.KeyId), header);
                var encrypting = new EncryptingWriteStream(file, cipher);
                await using (var compressing = new BrotliStream(encrypting, CompressionLevel.Fastest, leaveOpen: true))
                {
                    var frames = new BackupFrameWriter(compressing);
                    var summaries = new List<BackupTableSummary>(tables.Count);
                    foreach (var table in tables)
                    {
                        summaries.Add(await WriteTableAsync(connection, frames, table, cancellationToken));
                    }

                    manifest = new BackupManifest(id, time.GetUtcNow(), schema, summaries);
                    await frames.WriteAsync(BackupFrame.Manifest, BackupStore.ManifestBytes(manifest), cancellationToken);
                    await frames.WriteAsync(BackupFrame.End, ReadOnlyMemory<byte>.Empty, cancellationToken);
                }

                await encrypting.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            File.Move(temporary, path);
            await store.WriteManifestAsync(manifest, cancellationToken);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        var size = new FileInfo(path).Length;
        DataLifecycleLog.BackupCreated(logger, id, tables.Count, size, time.GetElapsedTime(started).TotalMilliseconds);
        foreach (var removed in await store.ApplyRetentionAsync(cancellationToken))
        {
            DataLifecycleLog.BackupRetired(logger, removed);
        }

        return manifest.ToSummary(size);
    }

    /// <summary>Reads and checks the whole backup without touching the database; throws <see cref="BackupRejectedException"/> when anything is off.</summary>
    public async Task<BackupManifest> VerifyAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync(id, sink: null, cancellationToken)).Manifest;

    /// <summary>Verifies, then replaces the database's content with the backup's in one transaction. <see langword="null"/> when no such backup exists.</summary>
    public async Task<BackupSummary?> RestoreAsync(string id, CancellationToken cancellationToken)
    {
        if (!File.Exists(store.FilePath(id)))
        {
            return null;
        }

        var started = time.GetTimestamp();
        var (manifest, tables) = await ReadAsync(id, sink: null, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await CheckCompatibleAsync(connection, manifest, tables, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await ExecuteAsync(
            connection, $"TRUNCATE {string.Join(", ", tables.Select(t => BackupCatalog.Quote(t.Name)))} RESTART IDENTITY CASCADE", cancellationToken);
        await using (var sink = new RestoreSink(connection))
        {
            await ReadAsync(id, sink, cancellationToken);
        }

        await ResetSequencesAsync(connection, tables, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        DataLifecycleLog.BackupRestored(logger, id, tables.Count, time.GetElapsedTime(started).TotalMilliseconds);
        return manifest.ToSummary(new FileInfo(store.FilePath(id)).Length);
    }

    private static async Task<BackupTableSummary> WriteTableAsync(
        NpgsqlConnection connection, BackupFrameWriter frames, BackupTable table, CancellationToken cancellationToken)
    {
        await frames.WriteAsync(BackupFrame.Table, JsonSerializer.SerializeToUtf8Bytes(table, Json), cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var columns = string.Join(", ", table.Columns.Select(c => BackupCatalog.Quote(c.Name)));
        var order = table.PrimaryKey.Count > 0 ? " ORDER BY " + string.Join(", ", table.PrimaryKey.Select(BackupCatalog.Quote)) : string.Empty;
        var buffer = new byte[64 * 1024];
        await using (var copy = await connection.BeginRawBinaryCopyAsync(
            $"COPY (SELECT {columns} FROM {BackupCatalog.Quote(table.Name)}{order}) TO STDOUT (FORMAT binary)", cancellationToken))
        {
            int read;
            while ((read = await copy.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await frames.WriteAsync(BackupFrame.Data, buffer.AsMemory(0, read), cancellationToken);
            }
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {BackupCatalog.Quote(table.Name)}", connection);
        var rows = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        await frames.WriteAsync(BackupFrame.EndTable, ReadOnlyMemory<byte>.Empty, cancellationToken);
        return new BackupTableSummary(table.Name, rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private async Task<(BackupManifest Manifest, IReadOnlyList<BackupTable> Tables)> ReadAsync(
        string id, RestoreSink? sink, CancellationToken cancellationToken)
    {
        var path = store.FilePath(id);
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var header = await BackupFileHeader.ReadAsync(file, cancellationToken);
            using var cipher = new BackupChunkCipher(keys.Key(header.KeyId), header);
            await using var decrypting = new DecryptingReadStream(file, cipher);
            await using var decompressing = new BrotliStream(decrypting, CompressionMode.Decompress);
            var frames = new BackupFrameReader(decompressing);
            var tables = new List<BackupTable>();
            var checksums = new List<string>();
            BackupTable? current = null;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            while (true)
            {
                var (kind, bytes) = await frames.ReadAsync(cancellationToken);
                switch (kind)
                {
                    case BackupFrame.Table when current is null:
                        current = JsonSerializer.Deserialize<BackupTable>(bytes, Json) ?? throw new BackupRejectedException("A table header is empty.");
                        tables.Add(current);
                        if (sink is not null)
                        {
                            await sink.BeginTableAsync(current, cancellationToken);
                        }

                        break;
                    case BackupFrame.Data when current is not null:
                        hash.AppendData(bytes);
                        if (sink is not null)
                        {
                            await sink.WriteAsync(bytes, cancellationToken);
                        }

                        break;
                    case BackupFrame.EndTable when current is not null:
                        checksums.Add(Convert.ToHexStringLower(hash.GetHashAndReset()));
                        if (sink is not null)
                        {
                            await sink.EndTableAsync();
                        }

                        current = null;
                        break;
                    case BackupFrame.Manifest when current is null:
                        var manifest = BackupStore.ParseManifest(bytes);
                        CheckManifest(id, manifest, tables, checksums);
                        if ((await frames.ReadAsync(cancellationToken)).Kind != BackupFrame.End || decompressing.ReadByte() != -1)
                        {
                            throw new BackupRejectedException("The backup has unexpected content after its manifest.");
                        }

                        return (manifest, tables);
                    default:
                        throw new BackupRejectedException("The backup's content is malformed (frames out of order).");
                }
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or JsonException or IOException and not FileNotFoundException)
        {
            throw new BackupRejectedException("The backup's content could not be read: it is corrupt.", exception);
        }
    }

    private static void CheckManifest(string id, BackupManifest manifest, List<BackupTable> tables, List<string> checksums)
    {
        if (manifest.Id != id)
        {
            throw new BackupRejectedException($"The file holds backup {manifest.Id}, not {id}.");
        }

        if (manifest.Tables.Count != tables.Count)
        {
            throw new BackupRejectedException("The backup's manifest does not list the tables the file holds.");
        }

        for (var i = 0; i < tables.Count; i++)
        {
            if (manifest.Tables[i].Name != tables[i].Name || manifest.Tables[i].Sha256 != checksums[i])
            {
                throw new BackupRejectedException($"The checksum of table {tables[i].Name} does not match the backup's manifest.");
            }
        }
    }

    private static async Task CheckCompatibleAsync(
        NpgsqlConnection connection, BackupManifest manifest, IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken)
    {
        var schema = await BackupCatalog.SchemaAsync(connection, cancellationToken);
        if (!schema.SequenceEqual(manifest.Schema, StringComparer.Ordinal))
        {
            throw new BackupRejectedException(
                $"The backup was taken at schema [{string.Join(", ", manifest.Schema)}]; this database is at [{string.Join(", ", schema)}]. Restore it into a database at the same schema.");
        }

        var current = (await BackupCatalog.TablesAsync(connection, cancellationToken)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var mismatch = tables.FirstOrDefault(t => !current.TryGetValue(t.Name, out var now) || !now.Columns.SequenceEqual(t.Columns));
        if (mismatch is not null || current.Count != tables.Count)
        {
            throw new BackupRejectedException($"The database's tables differ from the backup's ({mismatch?.Name ?? "table set"}).");
        }
    }

    private static async Task ResetSequencesAsync(NpgsqlConnection connection, IReadOnlyList<BackupTable> tables, CancellationToken cancellationToken)
    {
        var sequences = new List<(string Table, string Column, string Sequence)>();
        await using (var command = new NpgsqlCommand(SequencesSql, connection))
        {
            command.Parameters.AddWithValue("tables", tables.Select(t => t.Name).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sequences.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (table, column, sequence) in sequences)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT setval(@sequence, coalesce((SELECT max({BackupCatalog.Quote(column)}) FROM {BackupCatalog.Quote(table)}), 0) + 1, false)", connection);
            command.Parameters.AddWithValue("sequence", sequence);
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
