using System.Text.Json;
using System.Text.Json.Nodes;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Manifest;
using MindPeeker.Runtime.Storage;

namespace MindPeeker.Runtime.Management;

/// <summary>
/// Silo control handler <c>dashboard.grain</c> (argument <see cref="GrainInspectionRequest"/>): looks the grain up in
/// this silo's catalog only — it never activates anything — and answers a <see cref="GrainInspection"/>.
/// Guid keys may be typed in any .NET format (they are normalized to 32 hex digits); integer keys are hexadecimal,
/// as grain ids print them; compound keys append <c>+extension</c>.
/// </summary>
internal sealed class GrainInspectionHandler(SiloRuntime runtime) : ISiloControlHandler
{
    public const string HandlerName = DashboardControlNames.Grain;

    public string Name => HandlerName;

    public ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken)
    {
        var request = argument.Deserialize<GrainInspectionRequest>()
            ?? throw new ArgumentException("The argument must name a grain type and key.", nameof(argument));
        return ValueTask.FromResult(JsonSerializer.SerializeToElement(Inspect(runtime.Registry, runtime.Catalog, request)));
    }

    private static GrainInspection Inspect(GrainTypeRegistry registry, ActivationCatalog catalog, GrainInspectionRequest request)
    {
        var display = request.GrainType + "/" + request.Key;
        if (!registry.TryGetClass(request.GrainType, out var descriptor))
        {
            return new GrainInspection(false, null, display, false, null, new Dictionary<string, JsonNode?>());
        }

        var key = NormalizeKey(descriptor.Interfaces, request.Key, out var keyError);
        if (key is null)
        {
            return new GrainInspection(true, keyError, display, false, null, new Dictionary<string, JsonNode?>());
        }

        var grainId = GrainId.Create(request.GrainType, key);
        if (!catalog.TryGetActivation(grainId, out var activation) || activation is null)
        {
            return new GrainInspection(true, null, grainId.ToString(), false, null, new Dictionary<string, JsonNode?>());
        }

        var states = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, read) in activation.PersistentStates)
        {
            var value = read();
            states[name] = StateRedaction.Redact(value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), GrainStateJson.Options));
        }

        return new GrainInspection(true, null, grainId.ToString(), true, activation.ActivationId, states);
    }

    /// <summary>The key as grain ids print it, or null with <paramref name="error"/> when it does not fit the grain's key kind.</summary>
    internal static string? NormalizeKey(IReadOnlyList<Type> interfaces, string key, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(key))
        {
            error = "The grain key is empty.";
            return null;
        }

        bool Has<T>() => interfaces.Any(i => typeof(T).IsAssignableFrom(i));
        var compound = Has<IGrainWithGuidCompoundKey>() || Has<IGrainWithIntegerCompoundKey>();
        var plus = key.IndexOf('+', StringComparison.Ordinal);
        var primary = compound && plus >= 0 ? key[..plus] : key;
        var extension = compound && plus >= 0 ? key[plus..] : string.Empty;
        if (Has<IGrainWithGuidKey>() || Has<IGrainWithGuidCompoundKey>())
        {
            if (Guid.TryParse(primary, out var guid))
            {
                return GrainKeyFormat.Format(guid) + extension;
            }

            error = $"'{key}' is not a GUID key.";
            return null;
        }

        if (Has<IGrainWithIntegerKey>() || Has<IGrainWithIntegerCompoundKey>())
        {
            if (long.TryParse(primary, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return GrainKeyFormat.Format(number) + extension;
            }

            error = $"'{key}' is not an integer key (hexadecimal, as grain ids print it).";
            return null;
        }

        return key;
    }
}
