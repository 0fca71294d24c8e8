using Npgsql;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>Loads a verified backup's tables into the database with binary <c>COPY … FROM STDIN</c>, one table at a time. Not thread-safe.</summary>
internal sealed class RestoreSink(NpgsqlConnection connection) : IAsyncDisposable
{
    private NpgsqlRawCopyStream? _copy;

    public async Task BeginTableAsync(BackupTable table, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => BackupCatalog.Quote(c.Name)));
        _copy = await connection.BeginRawBinaryCopyAsync(
            $"COPY {BackupCatalog.Quote(table.Name)} ({columns}) FROM STDIN (FORMAT binary)", cancellationToken);
    }

    public Task WriteAsync(byte[] bytes, CancellationToken cancellationToken) =>
        (_copy ?? throw new InvalidOperationException("No table is being restored.")).WriteAsync(bytes, cancellationToken).AsTask();

    public async Task EndTableAsync()
    {
        if (_copy is { } copy)
        {
            _copy = null;
            await copy.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is { } copy)
        {
            _copy = null;
            await copy.CancelAsync();
            await copy.DisposeAsync();
        }
    }
}
