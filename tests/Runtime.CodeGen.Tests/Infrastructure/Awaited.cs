using System.Reflection;

namespace MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

/// <summary>Awaits what a proxy method returned through reflection (Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;).</summary>
internal static class Awaited
{
    public static async Task<object?> ResultOf(MethodInfo method, object? returned)
    {
        var task = returned switch
        {
            Task plain => plain,
            ValueTask value => value.AsTask(),
            not null => (Task)returned.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!,
            null => throw new InvalidOperationException($"{method.Name} returned null."),
        };
        await task.WaitAsync(TimeSpan.FromSeconds(10));
        return method.ReturnType.IsGenericType ? task.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(task) : null;
    }
}
