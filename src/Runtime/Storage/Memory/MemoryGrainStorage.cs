using System.Globalization;

namespace MindPeeker.Runtime.Storage.Memory;

/// <summary>
/// In-process grain storage for tests and local runs. Keeps each record as serialized JSON plus an
/// integer version (the ETag), so it behaves exactly like the PostgreSQL store, including
/// <see cref="InconsistentStateException"/> on stale writes. Thread-safe; contents die with the process.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Dictionary<(string State, GrainId Grain), StoredRecord> _records = [];
    private readonly Lock _lock = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        StoredRecord? record;
        lock (_lock)
        {
            _records.TryGetValue((stateName, grainId), out record);
        }

        grainState.ETag = record is null ? null : FormatEtag(record.Version);
        grainState.RecordExists = record?.Payload is not null;
        grainState.State = record?.Payload is { } payload ? GrainStateJson.Deserialize<T>(payload) : GrainStateFactory<T>.Create();
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = GrainStateJson.Serialize(grainState.State);
        var version = Replace(stateName, grainId, grainState.ETag, payload, "write");
        grainState.ETag = FormatEtag(version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (_lock)
        {
            if (grainState.ETag is null && !_records.ContainsKey((stateName, grainId)))
            {
                grainState.RecordExists = false;
                grainState.State = GrainStateFactory<T>.Create();
                return Task.CompletedTask;
            }
        }

        var version = Replace(stateName, grainId, grainState.ETag, payload: null, "clear");
        grainState.ETag = FormatEtag(version);
        grainState.RecordExists = false;
        grainState.State = GrainStateFactory<T>.Create();
        return Task.CompletedTask;
    }

    private int Replace(string stateName, GrainId grainId, string? etag, byte[]? payload, string operation)
    {
        lock (_lock)
        {
            _records.TryGetValue((stateName, grainId), out var existing);
            var stored = existing is null ? null : FormatEtag(existing.Version);
            if (!string.Equals(stored, etag, StringComparison.Ordinal))
            {
                throw new InconsistentStateException(
                    $"Stale {operation} of state '{stateName}' for grain {grainId}.", stored, etag);
            }

            var version = (existing?.Version ?? 0) + 1;
            _records[(stateName, grainId)] = new StoredRecord(payload, version);
            return version;
        }
    }

    private static string FormatEtag(int version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record StoredRecord(byte[]? Payload, int Version);
}
