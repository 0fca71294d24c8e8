using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Logging;

namespace MindPeeker.ApiFrontend.Observability.Logging;

/// <summary>
/// The <c>mindpeeker-json</c> console formatter: one JSON object per line,
/// <c>{"timestamp","level","service","trace_id","span_id","user_id","session_id","message","metadata":{…}}</c>
/// (docs/observability.md). <c>trace_id</c>/<c>span_id</c> come from the current activity, <c>user_id</c>/<c>session_id</c>
/// from a state or scope property named <c>UserId</c>/<c>SessionId</c> (any casing, underscores ignored) or the
/// activity's baggage; everything else of the state and scopes goes into <c>metadata</c> together with
/// <c>category</c>, <c>event_id</c>, <c>event_name</c> and <c>exception</c>. Missing fields are <c>null</c>, never left out.
/// No secret is written: properties whose names say they hold one are replaced by <c>[redacted]</c>, and every string
/// (message, values, exception text) is passed through <see cref="LogRedaction.Redact"/>, which masks API keys,
/// webhook secrets, JWTs, bearer credentials and password pairs. Thread-safe.
/// </summary>
internal sealed class JsonLogFormatter : ConsoleFormatter, IDisposable
{
    public const string FormatterName = "mindpeeker-json";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly TimeProvider _timeProvider;
    private readonly IDisposable? _reload;
    private JsonLogFormatterOptions _options;

    public JsonLogFormatter(IOptionsMonitor<JsonLogFormatterOptions> options, TimeProvider timeProvider)
        : base(FormatterName)
    {
        _timeProvider = timeProvider;
        _options = options.CurrentValue;
        _reload = options.OnChange(updated => _options = updated);
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var fields = new LogFields();
        fields.Read(logEntry.State);
        scopeProvider?.ForEachScope(static (scope, state) => state.Read(scope), fields);
        var activity = Activity.Current;
        if (activity is not null)
        {
            fields.UserId ??= activity.GetBaggageItem("user_id");
            fields.SessionId ??= activity.GetBaggageItem("session_id");
        }

        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("level", LogLevelNames.Of(logEntry.LogLevel));
            writer.WriteString("service", _options.ServiceName ?? "mindpeeker");
            WriteOrNull(writer, "trace_id", activity?.TraceId.ToHexString());
            WriteOrNull(writer, "span_id", activity?.SpanId.ToHexString());
            WriteOrNull(writer, "user_id", fields.UserId);
            WriteOrNull(writer, "session_id", fields.SessionId);
            writer.WriteString("message", LogRedaction.Redact(message ?? string.Empty, fields.SensitiveValues));
            writer.WriteStartObject("metadata");
            writer.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0)
            {
                writer.WriteNumber("event_id", logEntry.EventId.Id);
            }

            if (logEntry.EventId.Name is { } eventName)
            {
                writer.WriteString("event_name", eventName);
            }

            foreach (var (name, value) in fields.Metadata)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value, fields.SensitiveValues);
            }

            if (logEntry.Exception is { } exception)
            {
                writer.WriteString("exception", LogRedaction.Redact(exception.ToString(), fields.SensitiveValues));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
        if (buffer.Capacity > 64 * 1024)
        {
            t_buffer = null;
        }
    }

    public void Dispose() => _reload?.Dispose();

    private static void WriteOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, LogRedaction.Redact(value));
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, IReadOnlyList<string>? sensitiveValues)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                writer.WriteNumberValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case DateTimeOffset or DateTime or TimeSpan or Guid:
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(LogRedaction.Redact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, sensitiveValues));
                break;
        }
    }
}
