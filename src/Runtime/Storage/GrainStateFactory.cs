namespace MindPeeker.Runtime.Storage;

/// <summary>Creates the fresh value of a state type: its parameterless constructor, else <c>default</c>.</summary>
public static class GrainStateFactory<T>
{
    private static readonly bool HasParameterlessConstructor =
        typeof(T).IsValueType || typeof(T).GetConstructor(Type.EmptyTypes) is not null;

    public static T Create() => HasParameterlessConstructor ? Activator.CreateInstance<T>() : default!;
}
