using System.Buffers.Text;
using System.Globalization;
using System.Text;
using MindPeeker.Runtime.Logging;

namespace MindPeeker.ApiFrontend.Dashboard.Logs;

/// <summary>
/// The log tail's opaque cursor: a <see cref="LogPosition"/> as base64url of <c>{utc ticks}|{buffer id}|{sequence}</c>.
/// </summary>
internal static class LogCursor
{
    public static string Format(LogPosition position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{position.Timestamp.UtcTicks}|{position.BufferId:N}|{position.Sequence}")));

    /// <summary>The place <paramref name="text"/> names, or null when it is not a cursor this API issued.</summary>
    public static LogPosition? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var buffer)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                ? new LogPosition(new DateTimeOffset(ticks, TimeSpan.Zero), buffer, sequence)
                : null;
    }
}
