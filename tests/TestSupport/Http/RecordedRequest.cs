namespace MindPeeker.TestSupport.Http;

/// <summary>One request the fake platform received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
