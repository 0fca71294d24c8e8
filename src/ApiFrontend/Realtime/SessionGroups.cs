namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>Names the hub group that carries one session's updates: <c>session:{id}</c>.</summary>
internal static class SessionGroups
{
    public static string Of(Guid sessionId) => "session:" + sessionId.ToString("D");
}
