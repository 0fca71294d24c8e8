namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>The snake_case names of <see cref="CircuitState"/> used in the API, the audit log and the database.</summary>
public static class CircuitStateNames
{
    public const string Closed = "closed";
    public const string Open = "open";
    public const string HalfOpen = "half_open";
    public const string Isolated = "isolated";

    public static string Of(CircuitState state) => state switch
    {
        CircuitState.Closed => Closed,
        CircuitState.Open => Open,
        CircuitState.HalfOpen => HalfOpen,
        CircuitState.Isolated => Isolated,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown circuit state."),
    };

    public static CircuitState Parse(string name) => name switch
    {
        Closed => CircuitState.Closed,
        Open => CircuitState.Open,
        HalfOpen => CircuitState.HalfOpen,
        Isolated => CircuitState.Isolated,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown circuit state name."),
    };
}
