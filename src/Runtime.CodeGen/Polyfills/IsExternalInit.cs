namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks this type; the compiler needs it for records and init accessors.
internal static class IsExternalInit;
