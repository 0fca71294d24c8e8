using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace MindPeeker.Grains.Caching;

/// <summary>
/// The shared level: Redis through StackExchange.Redis, async API only. The connection is opened in the background
/// and re-opened by the client library after a failure; while Redis is unreachable every read is a miss and every write
/// is dropped at once (no wait per request), and the outage is logged once when it starts and once when it ends.
/// Each operation is bounded by the configured operation timeout. Thread-safe.
/// </summary>
public sealed class RedisCacheLevel : CacheLevel, IAsyncDisposable
{
    private const int Unknown = 0;
    private const int Up = 1;
    private const int Down = 2;

    private readonly Task<ConnectionMultiplexer> _connection;
    private readonly string _keyPrefix;
    private readonly TimeSpan _operationTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _endpoint;
    private TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state = Unknown;

    /// <param name="connectionString">StackExchange.Redis configuration, e.g. <c>127.0.0.1:6379</c>; any password in it is never logged.</param>
    /// <param name="keyPrefix">Put in front of every key.</param>
    /// <param name="operationTimeout">The longest one read or write (and the connect) may take.</param>
    /// <param name="time">The clock operation timeouts run on.</param>
    /// <param name="logger">Where the start and end of an outage are logged.</param>
    public RedisCacheLevel(string connectionString, string keyPrefix, TimeSpan operationTimeout, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;

        // No pub/sub: without its second connection, "connected" means the connection commands use is up.
        configuration.CommandMap = CommandMap.Create(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SUBSCRIBE" }, available: false);
        var milliseconds = (int)Math.Clamp(operationTimeout.TotalMilliseconds, 1, int.MaxValue);
        configuration.ConnectTimeout = milliseconds;
        configuration.SyncTimeout = milliseconds;
        _endpoint = string.Join(",", configuration.EndPoints.Select(endpoint => endpoint.ToString()));
        _keyPrefix = keyPrefix;
        _operationTimeout = operationTimeout;
        _time = time;
        _logger = logger;
        _connection = ConnectAsync(configuration);
    }

    public override string Name => "redis";

    /// <summary>Whether the connection to Redis is up now.</summary>
    public bool IsConnected => _connection.IsCompletedSuccessfully && _connection.Result.IsConnected;

    public override async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsConnected)
        {
            MarkDown(null);
            return null;
        }

        try
        {
            var value = await _connection.Result.GetDatabase()
                .StringGetAsync(_keyPrefix + key)
                .WaitAsync(_operationTimeout, _time, cancellationToken)
                .ConfigureAwait(false);
            MarkUp();
            return value.IsNull ? null : (byte[])value;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            MarkDown(exception);
            return null;
        }
    }

    public override async ValueTask SetAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!IsConnected)
        {
            MarkDown(null);
            return;
        }

        try
        {
            await _connection.Result.GetDatabase()
                .StringSetAsync(_keyPrefix + key, value, timeToLive)
                .WaitAsync(_operationTimeout, _time, cancellationToken)
                .ConfigureAwait(false);
            MarkUp();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            MarkDown(exception);
        }
    }

    /// <summary>Deletes every key of <paramref name="keys"/> with one <c>DEL</c>; null while Redis is unreachable or the command fails.</summary>
    public override async ValueTask<long?> RemoveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return 0;
        }

        if (!IsConnected)
        {
            MarkDown(null);
            return null;
        }

        try
        {
            var removed = await _connection.Result.GetDatabase()
                .KeyDeleteAsync(keys.Select(key => (RedisKey)(_keyPrefix + key)).ToArray())
                .WaitAsync(_operationTimeout, _time, cancellationToken)
                .ConfigureAwait(false);
            MarkUp();
            return removed;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            MarkDown(exception);
            return null;
        }
    }

    /// <summary>Completes once Redis answers a PING through this level's connection (at once when it does).</summary>
    public async Task WaitUntilConnectedAsync(CancellationToken cancellationToken)
    {
        var connection = await _connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var restored = Volatile.Read(ref _restored);
            if (connection.IsConnected)
            {
                try
                {
                    await connection.GetDatabase().PingAsync().WaitAsync(_operationTimeout, _time, cancellationToken).ConfigureAwait(false);
                    MarkUp();
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    MarkDown(exception);
                }
            }

            // The client library does not announce every kind of (re)connect; look again now and then as well.
            await Task.WhenAny(restored.Task, Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async ValueTask DisposeAsync()
    {
        var connection = await _connection.ConfigureAwait(false);
        await connection.CloseAsync(allowCommandsToComplete: false).ConfigureAwait(false);
        connection.Dispose();
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        connection.ConnectionFailed += (_, args) => MarkDown(args.Exception);

        // The restored event comes before the server takes commands again; the first command that succeeds marks it up.
        connection.ConnectionRestored += (_, _) =>
            Interlocked.Exchange(ref _restored, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (connection.IsConnected)
        {
            MarkUp();
        }
        else
        {
            MarkDown(null);
        }

        return connection;
    }

    private void MarkUp()
    {
        if (Interlocked.Exchange(ref _state, Up) == Down)
        {
            CacheLog.RedisRestored(_logger, _endpoint);
        }
    }

    private void MarkDown(Exception? exception)
    {
        if (Interlocked.Exchange(ref _state, Down) != Down)
        {
            CacheLog.RedisUnavailable(_logger, _endpoint, exception?.GetType().Name ?? "not connected", exception?.Message ?? "no connection");
        }
    }
}
