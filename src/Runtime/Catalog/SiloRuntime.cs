using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Filters;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Catalog;

/// <summary>
/// What every activation of this silo shares: clock, options, filters, catalog and grain factory.
/// One per silo; immutable after construction apart from the catalog's contents.
/// </summary>
internal sealed class SiloRuntime
{
    public SiloRuntime(
        IServiceProvider services,
        GrainTypeRegistry registry,
        TimeProvider timeProvider,
        IOptions<GrainCollectionOptions> collectionOptions,
        IOptions<MessagingOptions> messagingOptions,
        IEnumerable<IIncomingGrainCallFilter> filters,
        ILogger<SiloRuntime> logger)
    {
        Services = services;
        Registry = registry;
        TimeProvider = timeProvider;
        CollectionOptions = collectionOptions.Value;
        MessagingOptions = messagingOptions.Value;
        Filters = IncomingGrainCallFilterChain.Create(filters);
        Logger = logger;
        ResponseTimeoutTicks = ToTimestampTicks(MessagingOptions.ResponseTimeout);
        Catalog = new ActivationCatalog(this);
        Invoker = new LocalGrainCallInvoker(this);
        LocalObjects = new LocalObjectTable(LocalProcessOwner);
        GrainFactory = new GrainFactory(registry, Invoker, LocalObjects);
    }

    public IServiceProvider Services { get; }

    public GrainTypeRegistry Registry { get; }

    public TimeProvider TimeProvider { get; }

    public GrainCollectionOptions CollectionOptions { get; }

    public MessagingOptions MessagingOptions { get; }

    public IncomingGrainCallFilterChain? Filters { get; }

    public ILogger Logger { get; }

    public ActivationCatalog Catalog { get; }

    public LocalGrainCallInvoker Invoker { get; }

    public GrainFactory GrainFactory { get; }

    /// <summary>Observer objects of this process (see <see cref="IGrainFactory.CreateObjectReference{T}"/>).</summary>
    public LocalObjectTable LocalObjects { get; }

    /// <summary>Routes calls for grains that are not (or not yet) active here; null in a single-silo host.</summary>
    public IClusterRouter? Router { get; set; }

    /// <summary>How observer ids name this process until the cluster assigns a silo address.</summary>
    public string LocalProcessOwner { get; } = "local-" + Guid.NewGuid().ToString("N")[..12];

    public long ResponseTimeoutTicks { get; }

    public long ToTimestampTicks(TimeSpan span) =>
        span >= TimeSpan.FromDays(3650) ? long.MaxValue / 2 : (long)(span.TotalSeconds * TimeProvider.TimestampFrequency);

    /// <summary>The idle age after which activations of the class are collected; <see cref="TimeSpan.MaxValue"/> when never.</summary>
    public TimeSpan GetCollectionAge(GrainClassDescriptor descriptor)
    {
        if (descriptor.AlwaysActive)
        {
            return TimeSpan.MaxValue;
        }

        if (descriptor.CollectionAge is { } fromAttribute)
        {
            return fromAttribute;
        }

        return CollectionOptions.ClassSpecificCollectionAge.TryGetValue(descriptor.GrainClass.FullName!, out var configured)
            ? configured
            : CollectionOptions.CollectionAge;
    }
}
