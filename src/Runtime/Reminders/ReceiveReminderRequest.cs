using System.Text.Json;
using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// The call <see cref="IRemindable.ReceiveReminder"/>, written by hand in the shape the code generator
/// emits for grain interfaces (the generator only sees interfaces of grain assemblies, not the runtime's own).
/// </summary>
internal sealed class ReceiveReminderRequest : VoidGrainRequest
{
    /// <summary>The method's position in <see cref="RemindableReference"/>.</summary>
    public const int MethodId = 0;

    internal static readonly GrainMethod Descriptor =
        new(typeof(IRemindable), nameof(IRemindable.ReceiveReminder), MethodId, GrainMethodOptions.None);

    public string Arg0 = default!;

    public TickStatus Arg1;

    public override GrainMethod Method => Descriptor;

    public override int ArgumentCount => 2;

    public override object? GetArgument(int index) => index switch
    {
        0 => Arg0,
        1 => Arg1,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        JsonSerializer.Serialize(writer, Arg0, options);
        JsonSerializer.Serialize(writer, Arg1, options);
        writer.WriteEndArray();
    }

    public override void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        ExpectToken(ref reader, JsonTokenType.StartArray, moveFirst: false);
        reader.Read();
        Arg0 = JsonSerializer.Deserialize<string>(ref reader, options)
            ?? throw new JsonException("ReceiveReminder needs a reminder name.");
        reader.Read();
        Arg1 = JsonSerializer.Deserialize<TickStatus>(ref reader, options);
        ExpectToken(ref reader, JsonTokenType.EndArray, moveFirst: true);
    }

    protected override ValueTask InvokeCore(object grain) => new(((IRemindable)grain).ReceiveReminder(Arg0, Arg1));

    private static void ExpectToken(ref Utf8JsonReader reader, JsonTokenType expected, bool moveFirst)
    {
        if ((moveFirst && !reader.Read()) || reader.TokenType != expected)
        {
            throw new JsonException($"ReceiveReminder arguments: expected {expected}, found {reader.TokenType}.");
        }
    }
}
