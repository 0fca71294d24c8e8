using System.Reflection;
using System.Text.Json;

namespace MindPeeker.Runtime.Cluster.Serialization;

/// <summary>
/// Carries a grain method's exception across the wire as <c>{"type","message","stackTrace"}</c>. The caller
/// gets an exception of the same type with the same message when the type is known to it and has a
/// <c>(string message)</c> constructor; otherwise a <see cref="RemoteGrainException"/> naming the original type.
/// The remote stack trace is kept in <see cref="Exception.Data"/> under <see cref="RemoteStackTraceKey"/>.
/// </summary>
internal static class RemoteExceptionCodec
{
    public const string RemoteStackTraceKey = "RemoteStackTrace";

    public static byte[] Serialize(Exception exception) =>
        JsonSerializer.SerializeToUtf8Bytes(new RemoteExceptionPayload(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace));

    public static Exception Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        RemoteExceptionPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<RemoteExceptionPayload>(utf8Json);
        }
        catch (JsonException exception)
        {
            return new RemoteGrainException("unknown", "The remote silo sent an exception this process could not read.", exception);
        }

        if (payload is null)
        {
            return new RemoteGrainException("unknown", "The remote silo sent an empty exception.");
        }

        var rebuilt = TryCreate(payload.Type, payload.Message) ?? new RemoteGrainException(payload.Type, payload.Message);
        if (payload.StackTrace is not null)
        {
            rebuilt.Data[RemoteStackTraceKey] = payload.StackTrace;
        }

        return rebuilt;
    }

    private static Exception? TryCreate(string typeName, string message)
    {
        var type = FindType(typeName);
        if (type is null || !typeof(Exception).IsAssignableFrom(type) || type.IsAbstract)
        {
            return null;
        }

        var constructor = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(string)]);
        try
        {
            return constructor?.Invoke([message]) as Exception;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static Type? FindType(string typeName)
    {
        if (Type.GetType(typeName) is { } direct)
        {
            return direct;
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetType(typeName) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private sealed record RemoteExceptionPayload(string Type, string Message, string? StackTrace);
}
