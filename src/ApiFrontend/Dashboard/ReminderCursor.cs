using System.Buffers.Text;
using System.Text;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>Opaque reminder cursors: base64url of <c>grain id \n name</c>.</summary>
internal static class ReminderCursor
{
    public static string Format(string grainId, string name) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(grainId + "\n" + name));

    public static (string GrainId, string Name)? TryParse(string text)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            var newline = decoded.IndexOf('\n', StringComparison.Ordinal);
            return newline > 0 ? (decoded[..newline], decoded[(newline + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
