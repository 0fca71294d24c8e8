using Microsoft.CodeAnalysis;

namespace MindPeeker.Runtime.CodeGen.Diagnostics;

/// <summary>The errors the grain code generator reports; each names the offending type or member and the fix.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "MindPeeker.CodeGen";

    public static readonly DiagnosticDescriptor ByReferenceParameter = Create(
        "MPG001",
        "Grain method parameter is passed by reference",
        "Grain method '{0}' passes parameter '{1}' by reference (ref, out, in, ref readonly, or a ref struct such as Span<T>). Grain calls copy their arguments into a request, so declare the parameter by value with an ordinary type and return results through the task.");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "MPG002",
        "Grain method has an unsupported return type",
        "Grain method '{0}' returns '{1}'. Grain methods are asynchronous: return Task, Task<T>, ValueTask or ValueTask<T>.");

    public static readonly DiagnosticDescriptor GenericMethod = Create(
        "MPG003",
        "Grain method is generic",
        "Grain method '{0}' has type parameters. Grain methods cannot be generic: declare one method per concrete type.");

    public static readonly DiagnosticDescriptor GenericInterface = Create(
        "MPG004",
        "Grain interface is generic",
        "Grain interface '{0}' is generic or nested in a generic type. Grain interfaces cannot have type parameters: declare a non-generic interface per concrete type.");

    public static readonly DiagnosticDescriptor NonMethodMember = Create(
        "MPG005",
        "Grain interface declares a property, event or indexer",
        "Grain interface '{0}' has the {1} '{2}'. Grain interfaces can only have methods: replace it with a method returning Task<T> or ValueTask<T>.");

    public static readonly DiagnosticDescriptor NoActivatorConstructor = Create(
        "MPG006",
        "Grain class has no constructor the runtime can call",
        "Grain class '{0}' cannot be activated: {1}");

    public static readonly DiagnosticDescriptor PersistentStateParameterType = Create(
        "MPG007",
        "[PersistentState] parameter is not IPersistentState<T>",
        "Parameter '{0}' of the '{1}' constructor is marked [PersistentState] but has type '{2}'. Declare it as IPersistentState<TState>.");

    public static readonly DiagnosticDescriptor InaccessibleType = Create(
        "MPG008",
        "Grain type is not accessible to generated code",
        "Grain {0} '{1}' is private or protected, so the generated proxy and manifest cannot refer to it. Make it, and every type that contains it, public or internal.");

    public static readonly DiagnosticDescriptor GrainAndObserverInterface = Create(
        "MPG009",
        "Interface is both a grain interface and an observer interface",
        "Interface '{0}' extends both IGrain and IGrainObserver. A grain interface addresses a grain activated on a silo; an observer interface addresses an object that grains call back: split it into two interfaces.");

    public static readonly DiagnosticDescriptor ConflictingPlacement = Create(
        "MPG010",
        "Grain class has conflicting placement attributes",
        "Grain class '{0}' has both [{1}] and [{2}], which ask for different silos. Keep one of them.");

    public static readonly DiagnosticDescriptor EmptyPlacementRole = Create(
        "MPG011",
        "[RolePlacement] names no role",
        "Grain class '{0}' has [RolePlacement] with an empty role. Name the silo role its activations need, for example [RolePlacement(\"gpu\")].");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat) =>
        new(id, title, messageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
