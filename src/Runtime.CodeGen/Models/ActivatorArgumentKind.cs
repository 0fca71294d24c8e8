namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>Where the generated activator gets a grain constructor argument from.</summary>
internal enum ActivatorArgumentKind
{
    /// <summary>A required service; activation fails naming it when it is missing.</summary>
    Service,

    /// <summary>A service the constructor can do without (nullable or defaulted parameter).</summary>
    OptionalService,

    /// <summary>The activation's <c>IGrainContext</c>.</summary>
    GrainContext,

    /// <summary>A <c>[PersistentState]</c> <c>IPersistentState&lt;T&gt;</c>.</summary>
    PersistentState,
}
