namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>
/// One grain method parameter. <paramref name="Name"/> is already escaped (<c>@class</c>);
/// <paramref name="NeedsNullForgivingDefault"/> is set for non-nullable reference types, whose
/// request field needs <c>= default!</c> to compile without nullable warnings.
/// <paramref name="IsCancellationToken"/> marks a <c>CancellationToken</c>, which a remote call does
/// not carry: it is written as JSON <c>null</c> and read back as <c>CancellationToken.None</c>.
/// </summary>
internal sealed record RequestParameterModel(string Name, string TypeName, bool NeedsNullForgivingDefault, bool IsCancellationToken = false);
