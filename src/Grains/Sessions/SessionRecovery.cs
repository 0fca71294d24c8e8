using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Sessions;

/// <summary>
/// After start-up (once the silo is active) activates every unfinished session of the read model,
/// so analyses interrupted by a stop or a crash resume instead of hanging. Runs in the background;
/// stopping the host cancels it.
/// </summary>
internal sealed class SessionRecovery(NpgsqlDataSource dataSource, IGrainFactory grainFactory, ILogger<SessionRecovery> logger) : IHostedLifecycleService
{
    private const int PageSize = 100;
    private readonly CancellationTokenSource _stopping = new();
    private Task _recovery = Task.CompletedTask;

    /// <summary>Completes when the start-up scan has finished (for tests and diagnostics).</summary>
    public Task Completion => _recovery;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _recovery = Task.Run(() => ResumeUnfinishedAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _recovery.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping ends the scan; the next start-up scans again.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _stopping.Dispose();
        return Task.CompletedTask;
    }

    private async Task ResumeUnfinishedAsync(CancellationToken cancellationToken)
    {
        var resumed = 0;
        var after = (CreatedAt: DateTimeOffset.MinValue, Id: Guid.Empty);
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await UnfinishedAsync(after.CreatedAt, after.Id, cancellationToken);
            var outcomes = await Task.WhenAll(page.Select(ResumeAsync));
            resumed += outcomes.Count(r => r);
            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1];
        }

        SessionLog.Resumed(logger, resumed);
    }

    private async Task<bool> ResumeAsync((DateTimeOffset CreatedAt, Guid Id) session)
    {
        try
        {
            return await grainFactory.GetGrain<ISessionGrain>(session.Id).Resume();
        }
        catch (Exception exception)
        {
            SessionLog.ResumeFailed(logger, exception, session.Id);
            return false;
        }
    }

    private async Task<List<(DateTimeOffset CreatedAt, Guid Id)>> UnfinishedAsync(DateTimeOffset afterCreatedAt, Guid afterId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SessionCatalogQueries.Unfinished);
        command.Parameters.AddWithValue("after_created_at", afterCreatedAt);
        command.Parameters.AddWithValue("after_id", afterId);
        command.Parameters.AddWithValue("limit", PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<(DateTimeOffset, Guid)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add((reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(0)));
        }

        return page;
    }
}
