using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MindPeeker.Runtime.Storage.PostgreSql;

namespace MindPeeker.Runtime.Hosting;

public static class SchemaMigrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds a component's migrations to those applied at start-up, to the database of every PostgreSQL
    /// grain storage provider (see <c>AddPostgreSqlGrainStorage</c>), by a hosted service registered on the
    /// first call: it runs before hosted services registered later, such as the silo. Sets apply in
    /// registration order. Adding the same component again is ignored when its migrations are identical
    /// and an error when they differ.
    /// </summary>
    public static IServiceCollection AddSchemaMigrations(this IServiceCollection services, SchemaMigrationSet migrations)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(migrations);
        var existing = services
            .Select(d => d.ServiceType == typeof(SchemaMigrationSet) && !d.IsKeyedService ? d.ImplementationInstance as SchemaMigrationSet : null)
            .FirstOrDefault(s => s is not null && string.Equals(s.Component, migrations.Component, StringComparison.Ordinal));
        if (existing is null)
        {
            services.AddSingleton(migrations);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SchemaMigrationHostedService>());
        }
        else if (!existing.Migrations.Select(m => (m.Version, m.Checksum)).SequenceEqual(migrations.Migrations.Select(m => (m.Version, m.Checksum))))
        {
            throw new InvalidOperationException($"Schema migrations of component '{migrations.Component}' are already registered with different contents.");
        }

        return services;
    }
}
