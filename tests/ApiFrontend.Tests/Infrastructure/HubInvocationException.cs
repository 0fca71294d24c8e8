namespace MindPeeker.ApiFrontend.Tests.Infrastructure;

/// <summary>An error the hub answered to an invocation, a stream or the handshake (a <c>HubException</c>'s message on the server).</summary>
internal sealed class HubInvocationException(string message) : Exception(message);
