using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>One user's integrations (keyed by the user's id), for listing. Reads the table; holds no state.</summary>
public interface IUserIntegrationsGrain : IGrainWithGuidKey
{
    /// <summary>Newest first, after <paramref name="startingAfter"/> (one of the user's integrations) when given.</summary>
    Task<IntegrationPage> List(int limit, Guid? startingAfter);
}
