using System.Globalization;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>Reads an optional whole-number query parameter within bounds, recording a validation error otherwise.</summary>
internal static class QueryNumber
{
    public static int Read(string? text, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [string.Create(CultureInfo.InvariantCulture, $"Must be a whole number from {min} to {max}.")];
        return fallback;
    }
}
