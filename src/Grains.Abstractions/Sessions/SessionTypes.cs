namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>The session types of SPEC.md ("Session types and models"); each has its own model.</summary>
public static class SessionTypes
{
    public const string RemoteViewing = "remote_viewing";

    public const string Dowsing = "dowsing";

    public const string Precognition = "precognition";

    public const string IntuitiveAnalysis = "intuitive_analysis";

    public static IReadOnlyList<string> All { get; } = [RemoteViewing, Dowsing, Precognition, IntuitiveAnalysis];

    public static bool IsKnown(string? sessionType) => sessionType is RemoteViewing or Dowsing or Precognition or IntuitiveAnalysis;
}
