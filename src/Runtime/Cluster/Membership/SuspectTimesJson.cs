using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>Suspicion votes as the <c>suspect_times</c> jsonb: <c>[{"voter":"host:port@gen","at":"…"}]</c>.</summary>
internal static class SuspectTimesJson
{
    public static string Serialize(IReadOnlyList<SuspicionVote> votes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var vote in votes)
            {
                writer.WriteStartObject();
                writer.WriteString("voter", vote.Voter.ToString());
                writer.WriteString("at", vote.At.ToUniversalTime());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<SuspicionVote> Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var votes = new List<SuspicionVote>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            votes.Add(new SuspicionVote(
                SiloAddress.Parse(element.GetProperty("voter").GetString()!),
                element.GetProperty("at").GetDateTimeOffset()));
        }

        return votes;
    }
}
