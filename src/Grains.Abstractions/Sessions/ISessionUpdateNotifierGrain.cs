using MindPeeker.Runtime;

namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// Fans session updates out to the front ends' observers (Orleans' GPS-tracker pattern): a
/// stateless worker that batches updates under load without reordering those of one session.
/// Session grains call it with key 0 after each update is durably recorded.
/// </summary>
public interface ISessionUpdateNotifierGrain : IGrainWithIntegerKey
{
    Task Publish(SessionUpdate update);
}
