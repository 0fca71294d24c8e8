namespace MindPeeker.Runtime;

/// <summary>
/// Marker for observer interfaces: objects living in a client or silo process that grains call back,
/// through a reference made by <see cref="IGrainFactory.CreateObjectReference{TGrainObserverInterface}"/>.
/// Methods follow the grain interface rules (Task/ValueTask returns); calls are not single-threaded.
/// </summary>
public interface IGrainObserver : IAddressable;
