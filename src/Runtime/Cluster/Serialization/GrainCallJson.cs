using System.Text.Json;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Manifest;
using MindPeeker.Runtime.Storage;

namespace MindPeeker.Runtime.Cluster.Serialization;

/// <summary>
/// The JSON settings of remote calls in one process: those of grain state (web defaults) plus grain
/// references bound to this process's invoker. One instance per process; thread-safe after creation.
/// </summary>
internal sealed class GrainCallJson
{
    public GrainCallJson(GrainTypeRegistry registry, Func<IGrainCallInvoker> invoker)
    {
        Options = new JsonSerializerOptions(GrainStateJson.Options) { IncludeFields = true };
        Options.Converters.Add(new GrainReferenceJsonConverterFactory(registry, invoker));
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    // One buffer and writer per thread, reused call after call: serializing arguments then allocates only the result.
    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public JsonSerializerOptions Options { get; }

    /// <summary>The request's arguments as a JSON array.</summary>
    public byte[] SerializeArguments(GrainRequest request)
    {
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(256);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            request.WriteArguments(writer, Options);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity > 64 * 1024)
            {
                // Do not keep a large argument's buffer alive on this thread.
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    public void DeserializeArguments(GrainRequest request, ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"The arguments of {request.Method.DisplayName} must be a JSON array.");
        }

        request.ReadArguments(ref reader, Options);
    }

    /// <summary>Request context values as a JSON object; values that cannot be serialized are sent as their text.</summary>
    public byte[] SerializeRequestContext(Dictionary<string, object>? values)
    {
        if (values is null || values.Count == 0)
        {
            return [];
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in values)
            {
                writer.WritePropertyName(key);
                switch (value)
                {
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    case int or long or short or byte:
                        writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case double or float or decimal:
                        writer.WriteNumberValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case Guid guid:
                        writer.WriteStringValue(guid);
                        break;
                    default:
                        writer.WriteStringValue(value.ToString());
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads what <see cref="SerializeRequestContext"/> wrote: strings, booleans, longs and doubles.</summary>
    public static Dictionary<string, object>? DeserializeRequestContext(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            return null;
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            object? value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.Number when reader.TryGetInt64(out var integer) => integer,
                JsonTokenType.Number => reader.GetDouble(),
                _ => null,
            };
            if (value is not null)
            {
                values[key] = value;
            }
        }

        return values.Count == 0 ? null : values;
    }
}
