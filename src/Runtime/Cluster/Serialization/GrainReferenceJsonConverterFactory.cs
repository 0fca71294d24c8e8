using System.Text.Json;
using System.Text.Json.Serialization;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Cluster.Serialization;

/// <summary>
/// Serializes grain and observer references as <c>{"grainId":"type/key","interface":"Full.Name"}</c> and
/// rebuilds them bound to the receiving process's invoker, so a reference passed in a call works where it lands.
/// </summary>
internal sealed class GrainReferenceJsonConverterFactory(GrainTypeRegistry registry, Func<IGrainCallInvoker> invoker) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeof(IAddressable).IsAssignableFrom(typeToConvert)
        && (typeToConvert.IsInterface || typeof(GrainReference).IsAssignableFrom(typeToConvert));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), registry, invoker)!;

    private sealed class Converter<T>(GrainTypeRegistry registry, Func<IGrainCallInvoker> invoker) : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            string? grainId = null;
            string? interfaceName = null;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"A grain reference of type {typeToConvert.Name} must be a JSON object.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "grainId":
                        grainId = reader.GetString();
                        break;
                    case "interface":
                        interfaceName = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (grainId is null)
            {
                throw new JsonException($"A grain reference of type {typeToConvert.Name} has no grainId.");
            }

            var proxyInterface = typeToConvert.IsInterface && typeToConvert != typeof(IAddressable) && typeToConvert != typeof(IGrain) && typeToConvert != typeof(IGrainObserver)
                ? typeToConvert
                : interfaceName is not null && registry.TryGetInterface(interfaceName, out var named) ? named : null;
            if (proxyInterface is null)
            {
                throw new JsonException($"The grain reference {grainId} names interface '{interfaceName}', which this process does not know.");
            }

            return (T)(object)registry.GetProxyFactory(proxyInterface)(invoker(), GrainId.Parse(grainId));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is not GrainReference reference)
            {
                throw new JsonException(
                    $"Only grain references can be sent to another process; got a {value.GetType().Name}. Pass grainFactory.CreateObjectReference<...>(observer) for an observer object.");
            }

            writer.WriteStartObject();
            writer.WriteString("grainId", reference.GrainId.ToString());
            var grainInterface = typeof(T).IsInterface && typeof(T) != typeof(IAddressable)
                ? typeof(T)
                : reference.GetType().GetInterfaces().FirstOrDefault(i => registry.TryGetInterface(i.FullName ?? string.Empty, out _));
            if (grainInterface is not null)
            {
                writer.WriteString("interface", grainInterface.FullName);
            }

            writer.WriteEndObject();
        }
    }
}
