using System.Globalization;

namespace MindPeeker.Runtime;

/// <summary>
/// How typed keys become the text part of a <see cref="GrainId"/>, as in Orleans:
/// Guid keys print as <c>N</c> (32 hex digits), integer keys as lower-case hex, and compound keys
/// append <c>+{extension}</c>.
/// </summary>
public static class GrainKeyFormat
{
    public static string Format(Guid key) => key.ToString("N", CultureInfo.InvariantCulture);

    public static string Format(long key) => key.ToString("x", CultureInfo.InvariantCulture);

    public static string Format(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key;
    }

    public static string Format(Guid key, string extension) => Format(key) + "+" + extension;

    public static string Format(long key, string extension) => Format(key) + "+" + extension;

    public static Guid ParseGuid(string key, out string? extension)
    {
        var text = SplitExtension(key, out extension);
        return Guid.ParseExact(text, "N");
    }

    public static long ParseLong(string key, out string? extension)
    {
        var text = SplitExtension(key, out extension);
        return long.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static string SplitExtension(string key, out string? extension)
    {
        var plus = key.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            extension = null;
            return key;
        }

        extension = key[(plus + 1)..];
        return key[..plus];
    }
}
