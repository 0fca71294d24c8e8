using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Reminders;

/// <summary>
/// The proxy of <see cref="IRemindable"/>, written by hand like the generated ones: the reminder service
/// calls any grain through it, whatever interfaces the grain's class declares.
/// </summary>
internal sealed class RemindableReference(IGrainCallInvoker invoker, GrainId grainId) : GrainReference(invoker, grainId), IRemindable
{
    /// <summary>Declares <see cref="IRemindable"/>, its proxy and its request to the registry (the runtime's own manifest entry).</summary>
    public static void AddTo(GrainManifestBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddInterface(
            typeof(IRemindable),
            static (invoker, grainId) => new RemindableReference(invoker, grainId),
            static methodId => methodId == ReceiveReminderRequest.MethodId ? new ReceiveReminderRequest() : null);
    }

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) =>
        InvokeAsync(new ReceiveReminderRequest { Arg0 = reminderName, Arg1 = status }).AsTask();
}
