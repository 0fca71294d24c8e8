using System.Globalization;

namespace MindPeeker.ApiFrontend.Http.Lists;

/// <summary>Reads API.md list parameters: <c>limit</c> (1–100, default 20) and a <c>starting_after</c> id.</summary>
internal static class ListQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static Dictionary<string, string[]> TryRead(string? limitText, string? startingAfterText, out int limit, out Guid? startingAfter)
    {
        var errors = new Dictionary<string, string[]>();
        limit = DefaultLimit;
        startingAfter = null;
        if (limitText is not null
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"Must be a whole number from 1 to {MaxLimit}."];
        }

        if (startingAfterText is not null)
        {
            if (Guid.TryParse(startingAfterText, out var cursor))
            {
                startingAfter = cursor;
            }
            else
            {
                errors["starting_after"] = ["Must be an id from a previous page."];
            }
        }

        return errors;
    }
}
