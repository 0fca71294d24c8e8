namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>Metric and label names as Prometheus allows them (<c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, no colon in labels).</summary>
internal static class PrometheusNames
{
    /// <summary>The name with every other character replaced by <c>_</c>; the same instance when nothing needs replacing.</summary>
    public static string Sanitize(string name)
    {
        if (IsValid(name))
        {
            return name;
        }

        return string.Create(name.Length == 0 ? 1 : name.Length, name, static (span, source) =>
        {
            if (source.Length == 0)
            {
                span[0] = '_';
                return;
            }

            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetter(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c)) ? c : '_';
            }
        });
    }

    /// <summary>The exported name of a counter: <paramref name="name"/> sanitized, with <c>_total</c> appended unless already there.</summary>
    public static string CounterName(string name)
    {
        var sanitized = Sanitize(name);
        return sanitized.EndsWith("_total", StringComparison.Ordinal) ? sanitized : sanitized + "_total";
    }

    private static bool IsValid(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(char.IsAsciiLetter(c) || c == '_' || (i > 0 && char.IsAsciiDigit(c))))
            {
                return false;
            }
        }

        return true;
    }
}
