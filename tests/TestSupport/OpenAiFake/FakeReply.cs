using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MindPeeker.TestSupport.OpenAiFake;

/// <summary>
/// What the fake answers to one chat completion request, in OpenAI's wire format: a completion whose assistant
/// message holds given content, a 429 with or without <c>Retry-After</c>, a 500, a response that never comes (until the
/// client gives up), or an oversized body. Immutable; one reply can be scripted many times.
/// </summary>
public sealed class FakeReply
{
    private readonly Func<HttpContext, RecordedChatRequest, Task> _write;

    private FakeReply(string description, Func<HttpContext, RecordedChatRequest, Task> write)
    {
        Description = description;
        _write = write;
    }

    /// <summary>What the reply is, for test messages.</summary>
    public string Description { get; }

    /// <summary>A completion whose assistant message content is <paramref name="content"/> (any text, valid JSON or not).</summary>
    public static FakeReply Content(string content, string finishReason = "stop") =>
        new($"content ({content.Length} chars)", (context, request) => WriteCompletion(context, request, content, finishReason));

    /// <summary>A completion holding a valid finding list with one finding.</summary>
    public static FakeReply Finding(string resultType, double confidence, object data) =>
        Content(JsonSerializer.Serialize(new { findings = new[] { new { result_type = resultType, confidence, data } } }));

    /// <summary>A 429 with OpenAI's rate-limit error body; with <paramref name="retryAfter"/>, a <c>Retry-After</c> header in whole seconds.</summary>
    public static FakeReply RateLimited(TimeSpan? retryAfter = null) => new($"429 (Retry-After {retryAfter})", async (context, _) =>
    {
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((long)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await WriteError(context, StatusCodes.Status429TooManyRequests, "Rate limit reached for requests", "requests", "rate_limit_exceeded");
    });

    /// <summary>A 500 with OpenAI's server error body.</summary>
    public static FakeReply ServerError() =>
        new("500", (context, _) => WriteError(context, StatusCodes.Status500InternalServerError, "The server had an error while processing your request.", "server_error", null));

    /// <summary>Headers are never sent: the request hangs until the client cancels it (its timeout) or the fake stops.</summary>
    public static FakeReply Hang() => new("hang", async (context, _) =>
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as the test intends.
        }
    });

    /// <summary>A valid-looking completion whose body is at least <paramref name="bytes"/> long (the content is padding).</summary>
    public static FakeReply Oversized(int bytes) => Content(new string('x', bytes));

    internal Task WriteAsync(HttpContext context, RecordedChatRequest request) => _write(context, request);

    private static async Task WriteCompletion(HttpContext context, RecordedChatRequest request, string content, string finishReason)
    {
        var promptTokens = Math.Max(1, request.Body.Length / 4);
        var completionTokens = Math.Max(1, Encoding.UTF8.GetByteCount(content) / 4);
        var body = new
        {
            id = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            @object = "chat.completion",
            created = DateTimeOffset.UnixEpoch.ToUnixTimeSeconds(),
            model = request.Model,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new { role = "assistant", content, refusal = (string?)null },
                    logprobs = (object?)null,
                    finish_reason = finishReason,
                },
            },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
            system_fingerprint = (string?)null,
        };
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static async Task WriteError(HttpContext context, int status, string message, string type, string? code)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { message, type, param = (string?)null, code } }));
    }
}
