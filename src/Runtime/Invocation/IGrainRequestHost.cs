namespace MindPeeker.Runtime.Invocation;

/// <summary>Where a running request reports that its grain method finished.</summary>
internal interface IGrainRequestHost
{
    void OnRequestCompleted(GrainRequest request, Exception? error);
}
