namespace MindPeeker.Grains.Resilience;

/// <summary>Checks dependency names (<c>webhook:{endpointId}</c>, <c>ai:{provider}:{model}</c>).</summary>
internal static class DependencyNames
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="dependency"/> is 1–200 printable characters.</summary>
    public static void Validate(string dependency)
    {
        if (!IsValid(dependency))
        {
            throw new ArgumentException(
                $"A dependency name has 1 to {CircuitBreakerConstants.MaxDependencyLength} printable characters without spaces.", nameof(dependency));
        }
    }

    public static bool IsValid(string? dependency) =>
        !string.IsNullOrEmpty(dependency)
        && dependency.Length <= CircuitBreakerConstants.MaxDependencyLength
        && dependency.All(c => c > ' ' && c != '\u007f');
}
