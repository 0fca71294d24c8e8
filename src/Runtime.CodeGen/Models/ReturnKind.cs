namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>The awaitable a grain method returns; decides the request base class and the proxy's conversion.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
