namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>The sizes API.md ("Sizes") and docs/sessions.md fix for sessions.</summary>
internal static class SessionLimits
{
    /// <summary>A cue has 1 to 4000 characters (Unicode scalar values, as PostgreSQL's <c>char_length</c> counts).</summary>
    public const int MaxCueCharacters = 4000;

    /// <summary>The metadata object, as UTF-8 JSON, is at most 16 KiB.</summary>
    public const int MaxMetadataBytes = 16 * 1024;

    public const int MaxAnalysisTypes = 16;

    public const int MaxAnalysisTypeLength = 100;

    /// <summary>The confidence threshold when the request gives none (SPEC.md's example value).</summary>
    public const double DefaultConfidenceThreshold = 0.8;

    /// <summary>The most updates one events request answers; clients page on with <c>starting_after</c>.</summary>
    public const int MaxEventsPerRequest = 1000;
}
