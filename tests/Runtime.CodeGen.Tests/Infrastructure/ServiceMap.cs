namespace MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

/// <summary>A service provider over a fixed map of service type to instance.</summary>
internal sealed class ServiceMap(params (Type ServiceType, object Instance)[] services) : IServiceProvider
{
    private readonly Dictionary<Type, object> _services = services.ToDictionary(s => s.ServiceType, s => s.Instance);

    public object? GetService(Type serviceType) => _services.GetValueOrDefault(serviceType);
}
