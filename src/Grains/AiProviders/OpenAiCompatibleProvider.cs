using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Analysis;
using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Resilience;
using OpenAI;
using OpenAI.Chat;

namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// One OpenAI-compatible provider: asks its models in fallback order until one returns a valid finding. Each call
/// reserves the provider's budget, goes through the model's circuit breaker (<c>ai:{provider}:{model}</c>) and is
/// bounded by the request timeout and the request and response size caps. A model that answers 429 is left alone until
/// its <c>Retry-After</c> (or the configured wait) has passed while its fallbacks answer; when every model is rate limited
/// the analysis waits for the first to come back, within the configured queue wait. A silo singleton per provider;
/// thread-safe.
/// </summary>
internal sealed class OpenAiCompatibleProvider : IDisposable
{
    private readonly string _name;
    private readonly AiProviderOptions _options;
    private readonly DependencyGuard _guard;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AiProviderMetrics _metrics;
    private readonly HttpClient _http;
    private readonly Dictionary<string, ChatClient> _clients = new(StringComparer.Ordinal);
    private readonly ProviderBudget _budget;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _rateLimitedUntil = new(StringComparer.Ordinal);

    /// <param name="name">The provider's configured name.</param>
    /// <param name="options">Its validated options; the API key must resolve.</param>
    /// <param name="handler">The HTTP handler requests go through (owned by the caller).</param>
    /// <param name="guard">The silo's dependency guard.</param>
    /// <param name="time">The clock budgets and rate-limit waits run on.</param>
    /// <param name="logger">Where answers, fallbacks and failures are logged.</param>
    /// <param name="metrics">Where call durations and fallbacks are counted.</param>
    public OpenAiCompatibleProvider(
        string name, AiProviderOptions options, HttpMessageHandler handler, DependencyGuard guard, TimeProvider time, ILogger logger, AiProviderMetrics metrics)
    {
        _name = name;
        _options = options;
        _guard = guard;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _budget = new ProviderBudget(name, options.RequestsPerMinute, options.TokensPerMinute, time);
        _http = new HttpClient(new ResponseSizeCapHandler(options.MaxResponseBytes, handler), disposeHandler: false)
        {
            // The pipeline's NetworkTimeout bounds each call; HttpClient's own 100 s default would cut 120 s calls short.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var key = new ApiKeyCredential(options.ResolveApiKey() ?? throw new InvalidOperationException($"AI provider '{name}' has no API key."));
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.BaseUrl!),
            Transport = new HttpClientPipelineTransport(_http),
            NetworkTimeout = options.RequestTimeout,
            // Fallback and rate-limit waits are this class's job; the client library must not retry on its own clock.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        foreach (var model in options.Models)
        {
            _clients[model] = new ChatClient(model, key, clientOptions);
        }
    }

    public string Name => _name;

    /// <summary>
    /// Analyses <paramref name="input"/> with the first model of the chain that gives a valid answer. The finding's model is
    /// the answering model's id.
    /// </summary>
    /// <exception cref="AiProviderUnavailableException">Every model failed; the message names each failure.</exception>
    /// <exception cref="AiBudgetExhaustedException">The provider's budget had no room within the queue wait.</exception>
    /// <exception cref="AiRequestTooLargeException">The request exceeds the request size cap; nothing was sent.</exception>
    public async Task<AnalysisFinding> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deadline = _time.GetUtcNow() + _options.MaxQueueWait;
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var givenUp = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var model in _options.Models)
            {
                if (givenUp.Contains(model))
                {
                    continue;
                }

                if (RateLimitedFor(model) is { } wait)
                {
                    failures[model] = $"rate limited for another {Math.Ceiling(wait.TotalSeconds)} s";
                    AiProviderLog.Skipped(_logger, _name, model, failures[model]);
                    _metrics.FellBack(_name, model);
                    continue;
                }

                var answer = await AskAsync(model, input, deadline, cancellationToken).ConfigureAwait(false);
                if (answer.Finding is { } finding)
                {
                    return finding;
                }

                failures[model] = answer.Failure!;
                _metrics.FellBack(_name, model);
                if (!answer.RateLimited)
                {
                    givenUp.Add(model);
                }
            }

            if (NextCallable(givenUp) is not { } retryIn || _time.GetUtcNow() + retryIn > deadline)
            {
                var summary = string.Join("; ", _options.Models.Select(model => $"{model}: {failures.GetValueOrDefault(model, "not tried")}"));
                AiProviderLog.AllModelsFailed(_logger, _name, input.AnalysisType, summary);
                throw new AiProviderUnavailableException($"AI provider '{_name}' could not answer (every model failed): {summary}.");
            }

            var delay = Task.Delay(retryIn, _time, cancellationToken);
            AiProviderLog.WaitingForRateLimit(_logger, _name, retryIn.TotalSeconds);
            await delay.ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<ChatAnswer> AskAsync(string model, AnalysisInput input, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var body = ChatRequestBody.Write(model, input, _options);
        if (body.Length > _options.MaxRequestBytes)
        {
            throw new AiRequestTooLargeException(
                $"The request to AI provider '{_name}' would be {body.Length} bytes, over its limit of {_options.MaxRequestBytes} bytes; nothing was sent.");
        }

        // About four bytes of JSON per prompt token, plus the most the completion may use.
        var estimate = (body.Length / 4) + _options.MaxOutputTokens;
        var maxWait = deadline - _time.GetUtcNow();
        var reservation = await _budget.ReserveAsync(estimate, maxWait > TimeSpan.Zero ? maxWait : TimeSpan.Zero,
            wait => AiProviderLog.WaitingForBudget(_logger, _name, wait.TotalSeconds), cancellationToken).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        ChatAnswer answer;
        try
        {
            answer = await _guard.ExecuteAsync($"ai:{_name}:{model}", token => CallAsync(model, body, input, token), a => a.IsBreakerFailure, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is CircuitOpenException or BulkheadRejectedException)
        {
            // Refused before anything was sent: the request does not count against the budget.
            _budget.Release(reservation);
            var reason = exception is CircuitOpenException ? "circuit open" : "bulkhead full";
            AiProviderLog.Skipped(_logger, _name, model, reason);
            return ChatAnswer.Failed(reason);
        }

        _budget.Settle(reservation, answer.Tokens ?? estimate);
        _metrics.Called(_name, model, answer.Finding is not null ? "success" : answer.RateLimited ? "rate_limited" : "failure", _time.GetElapsedTime(started));
        if (answer.Finding is not null)
        {
            AiProviderLog.Answered(_logger, _name, model, input.AnalysisType, _time.GetElapsedTime(started).TotalMilliseconds, answer.Tokens ?? estimate);
        }
        else if (answer.RateLimited)
        {
            var wait = answer.RetryAfter ?? _options.RateLimitedWait;
            wait = wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;
            lock (_lock)
            {
                _rateLimitedUntil[model] = _time.GetUtcNow() + wait;
            }

            AiProviderLog.RateLimited(_logger, _name, model, wait.TotalSeconds);
        }
        else
        {
            AiProviderLog.ModelFailed(_logger, _name, model, answer.Failure!);
        }

        return answer;
    }

    private async Task<ChatAnswer> CallAsync(string model, byte[] body, AnalysisInput input, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _clients[model]
                .CompleteChatAsync(BinaryContent.Create(BinaryData.FromBytes(body)), new RequestOptions { CancellationToken = cancellationToken })
                .ConfigureAwait(false);
            return ChatAnswerReader.Read(result.GetRawResponse().Content.ToMemory(), model, input);
        }
        catch (ClientResultException exception) when (exception.Status == 429)
        {
            return ChatAnswer.Throttled(RetryAfter(exception.GetRawResponse()));
        }
        catch (ClientResultException exception) when (exception.Status != 0)
        {
            return ChatAnswer.Failed($"HTTP {exception.Status}");
        }
        catch (Exception exception) when (Find<AiResponseTooLargeException>(exception) is { } tooLarge)
        {
            return ChatAnswer.Failed(tooLarge.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChatAnswer.Failed($"timed out after {_options.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (ClientResultException exception)
        {
            return ChatAnswer.Failed($"unreachable ({exception.InnerException?.Message ?? exception.Message})");
        }
    }

    private TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at - _time.GetUtcNow()) is var delta && delta > TimeSpan.Zero ? delta : TimeSpan.Zero
            : null;
    }

    private TimeSpan? RateLimitedFor(string model)
    {
        lock (_lock)
        {
            var wait = _rateLimitedUntil.TryGetValue(model, out var until) ? until - _time.GetUtcNow() : TimeSpan.Zero;
            return wait > TimeSpan.Zero ? wait : null;
        }
    }

    private TimeSpan? NextCallable(HashSet<string> givenUp)
    {
        TimeSpan? next = null;
        foreach (var model in _options.Models.Where(model => !givenUp.Contains(model)))
        {
            var wait = RateLimitedFor(model) ?? TimeSpan.Zero;
            next = next is null || wait < next ? wait : next;
        }

        return next;
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }
}
