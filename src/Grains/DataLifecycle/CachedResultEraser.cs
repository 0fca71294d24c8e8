using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.AiProviders;
using MindPeeker.Grains.Caching;
using MindPeeker.Runtime.Management;
using Npgsql;

namespace MindPeeker.Grains.DataLifecycle;

/// <summary>
/// Removes an erased user's cached analysis results. The cache holds no user id, so the keys are derived again from the
/// user's session rows (type, cue, threshold, each analysis type) with <see cref="AnalysisRouter.CacheKeysOf"/> — the
/// function the router caches under — before the rows are deleted. Removal deletes the keys from Redis (one <c>DEL</c>
/// per <see cref="RedisBatchSize"/> keys), then asks every silo to drop them from its memory level (<c>cache.remove</c>,
/// <see cref="SiloBatchSize"/> keys a request), in that order so no silo copies an entry back from Redis. A level that cannot be reached is logged (no keys, no
/// cues) and reported, not an error: its entries expire after <c>Cache:ResultTtl</c> / <c>Cache:PromptTtl</c>.
/// </summary>
internal sealed class CachedResultEraser(NpgsqlDataSource db, AnalysisRouter router, TwoLevelCache cache, ISiloControl silos, ILogger logger)
{
    /// <summary>Most keys in one Redis <c>DEL</c>.</summary>
    public const int RedisBatchSize = 1000;

    /// <summary>
    /// Most keys in one <c>cache.remove</c> request (about 1.3 MB of JSON, far below the runtime's frame limit): a silent
    /// silo costs <c>SiloControl:AnswerTimeout</c> per request, so few requests keep the erasure within the call timeout.
    /// </summary>
    public const int SiloBatchSize = 10_000;

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// The eraser of a silo that runs analyses (it has the router, the cache and silo control), or null on one that does
    /// not: no session of it was analysed there, and silos that analyse are reached through silo control anyway.
    /// </summary>
    public static CachedResultEraser? Create(IServiceProvider services, NpgsqlDataSource db, ILogger logger)
    {
        var router = services.GetService<AnalysisRouter>();
        var cache = services.GetService<TwoLevelCache>();
        var silos = services.GetService<ISiloControl>();
        return router is null || cache is null || silos is null ? null : new CachedResultEraser(db, router, cache, silos, logger);
    }

    /// <summary>The distinct storage keys of every session of <paramref name="userId"/>, soft-deleted ones included.</summary>
    public async Task<IReadOnlyList<string>> KeysOfAsync(Guid userId)
    {
        await using var command = db.CreateCommand(UserDataQueries.SessionInputs);
        command.Parameters.AddWithValue("user", userId);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var sessionType = reader.GetString(0);
            var cue = reader.GetString(1);
            var parameters = JsonSerializer.Deserialize<SessionParameters>(reader.GetString(2), SnakeCase);
            foreach (var analysisType in parameters?.AnalysisTypes ?? [])
            {
                var input = new AnalysisInput(sessionType, cue, analysisType, parameters!.ConfidenceThreshold);
                keys.UnionWith(router.CacheKeysOf(input).Select(key => key.ToString()));
            }
        }

        return [.. keys];
    }

    /// <summary>
    /// Removes <paramref name="keys"/> from Redis and every silo's memory level; the levels that could not be reached
    /// (<c>redis</c>, or a silo's address) are returned and logged as warnings.
    /// </summary>
    public async Task<IReadOnlyList<string>> RemoveAsync(Guid userId, IReadOnlyList<string> keys)
    {
        var notReached = new SortedSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return [];
        }

        long sharedRemoved = 0;
        if (cache.HasSharedLevel)
        {
            foreach (var batch in keys.Chunk(RedisBatchSize))
            {
                var removed = await cache.RemoveFromSharedAsync(batch, CancellationToken.None);
                if (removed is null && notReached.Add("redis"))
                {
                    DataLifecycleLog.CacheRedisNotReached(logger, userId, keys.Count);
                }

                sharedRemoved += removed ?? 0;
            }
        }

        long memoryRemoved = 0;
        var siloCount = 0;
        foreach (var batch in keys.Chunk(SiloBatchSize))
        {
            var argument = JsonSerializer.SerializeToElement(new CacheRemovalRequest(batch), CacheRemovalHandler.Json);
            var answers = await silos.AskAllAsync(CacheRemovalHandler.HandlerName, argument);
            siloCount = Math.Max(siloCount, answers.Count);
            foreach (var answer in answers)
            {
                if (answer is { Answered: true, Error: null, Result: { } result })
                {
                    memoryRemoved += result.Deserialize<CacheRemovalResult>(CacheRemovalHandler.Json)?.Removed ?? 0;
                }
                else if (notReached.Add(answer.Silo))
                {
                    DataLifecycleLog.CacheSiloNotReached(logger, userId, answer.Silo, answer.SiloName, answer.Error ?? "no answer");
                }
            }
        }

        DataLifecycleLog.CachedResultsRemoved(logger, userId, keys.Count, sharedRemoved, memoryRemoved, siloCount);
        return [.. notReached];
    }
}
