namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>
/// One grain method parameter. <paramref name="Name"/> is already escaped (<c>@class</c>);
/// <paramref name="NeedsNullForgivingDefault"/> is set for non-nullable reference types, whose
/// request field needs <c>= default!</c> to compile without nullable warnings.
/// </summary>
internal sealed record RequestParameterModel(string Name, string TypeName, bool NeedsNullForgivingDefault);
