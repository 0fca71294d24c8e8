using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.Memory;

namespace MindPeeker.Runtime.Hosting;

public static class MemorySiloBuilderExtensions
{
    /// <summary>
    /// Adds an in-process <see cref="MemoryGrainStorage"/> as the grain storage provider <paramref name="name"/>
    /// (default <see cref="GrainStorageNames.Default"/>). Its contents die with the process: for tests and local runs.
    /// </summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = GrainStorageNames.Default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.AddKeyedSingleton<IGrainStorage, MemoryGrainStorage>(name);
        return builder;
    }
}
