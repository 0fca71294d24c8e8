using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.Memory;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Storage;

public sealed class GrainStorageHostingTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private const string Secret = "Sup3r-Secret-Pa55word";

    [Fact]
    public void Memory_storage_is_registered_under_default_and_named_keys()
    {
        using var services = BuildServices(silo => silo.AddMemoryGrainStorage().AddMemoryGrainStorage("archive"));

        var defaultStorage = services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var archive = services.GetRequiredKeyedService<IGrainStorage>("archive");

        defaultStorage.Should().BeOfType<MemoryGrainStorage>();
        archive.Should().BeOfType<MemoryGrainStorage>().And.NotBeSameAs(defaultStorage);
        services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default).Should().BeSameAs(defaultStorage);
    }

    [Fact]
    public async Task PostgreSql_storage_is_migrated_before_later_hosted_services_start()
    {
        var probe = new StorageProbe();
        using var host = BuildHost(builder =>
        {
            BareSiloBuilder.Configure(builder, silo => silo.AddPostgreSqlGrainStorage(GrainStorageNames.Default, o => o.ConnectionString = database.ConnectionString));
            builder.Services.AddSingleton(probe);
            builder.Services.AddHostedService<StorageProbeService>();
        });

        await host.StartAsync();
        await host.StopAsync();

        probe.Failure.Should().BeNull();
        var read = new GrainState<CartState>();
        await host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default).ReadStateAsync("cart", StorageProbe.Grain, read);
        read.State.Owner.Should().Be("probe");
    }

    [Fact]
    public async Task Schema_migrations_added_by_other_features_are_applied_at_start_up()
    {
        var feature = new SchemaMigrationSet("hosting-test-feature",
            [new SchemaMigration("hosting-test-feature", 1, "create", "CREATE TABLE hosting_test_feature (id int);")]);
        using var host = BuildHost(builder =>
        {
            builder.Services.AddSchemaMigrations(feature);
            BareSiloBuilder.Configure(builder, silo => silo.AddPostgreSqlGrainStorage("orders", o => o.ConnectionString = database.ConnectionString));
        });

        await host.StartAsync();
        await host.StopAsync();

        await using var command = database.DataSource.CreateCommand("SELECT to_regclass('hosting_test_feature')::text");
        (await command.ExecuteScalarAsync()).Should().Be("hosting_test_feature");
    }

    [Fact]
    public async Task Schema_migrations_without_a_postgresql_storage_do_not_stop_a_memory_only_silo()
    {
        var feature = new SchemaMigrationSet("hosting-test-feature",
            [new SchemaMigration("hosting-test-feature", 1, "create", "CREATE TABLE hosting_test_feature (id int);")]);
        using var host = BuildHost(builder =>
        {
            builder.Services.AddSchemaMigrations(feature);
            BareSiloBuilder.Configure(builder, silo => silo.AddMemoryGrainStorage());
        });

        var start = () => host.StartAsync();

        await start.Should().NotThrowAsync();
        await host.StopAsync();
    }

    [Fact]
    public void Adding_a_component_twice_is_ignored_when_identical_and_rejected_when_different()
    {
        var services = new ServiceCollection();
        services.AddSchemaMigrations(PostgreSqlGrainStorage.Migrations);
        services.AddSchemaMigrations(PostgreSqlGrainStorage.Migrations);
        var impostor = new SchemaMigrationSet(PostgreSqlGrainStorage.MigrationComponent,
            [new SchemaMigration(PostgreSqlGrainStorage.MigrationComponent, 1, "grain_state", "SELECT 1;")]);

        var addImpostor = () => services.AddSchemaMigrations(impostor);

        services.Count(d => d.ServiceType == typeof(SchemaMigrationSet)).Should().Be(1);
        addImpostor.Should().Throw<InvalidOperationException>().WithMessage("*grain-storage*different*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=;Password=" + Secret)]
    [InlineData("this is not a connection string")]
    public async Task Invalid_options_fail_start_up_naming_the_provider(string connectionString)
    {
        using var host = BuildHost(builder =>
            BareSiloBuilder.Configure(builder, silo => silo.AddPostgreSqlGrainStorage("orders", o => o.ConnectionString = connectionString)));

        var start = () => host.StartAsync();

        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();
        thrown.Which.Message.Should().Contain("PostgreSQL grain storage 'orders'").And.Contain("ConnectionString");
        thrown.Which.Message.Should().NotContain(Secret);
    }

    [Fact]
    public async Task An_unreachable_server_fails_start_up_naming_the_endpoint_but_not_the_password()
    {
        using var host = BuildHost(builder => BareSiloBuilder.Configure(builder, silo => silo.AddPostgreSqlGrainStorage(
            GrainStorageNames.Default,
            o => o.ConnectionString = $"Host=127.0.0.1;Port=1;Database=orders_db;Username=silo;Password={Secret};Timeout=5")));

        var start = () => host.StartAsync();

        var thrown = await start.Should().ThrowAsync<SchemaMigrationException>();
        thrown.Which.Message.Should().Contain("host '127.0.0.1'").And.Contain("port 1,").And.Contain("database 'orders_db'");
        thrown.Which.ToString().Should().NotContain(Secret);
    }

    private static ServiceProvider BuildServices(Action<ISiloBuilder> configure)
    {
        var services = new ServiceCollection();
        configure(new BareSiloBuilder(services, new ConfigurationBuilder().Build()));
        return services.BuildServiceProvider();
    }

    private static IHost BuildHost(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        configure(builder);
        return builder.Build();
    }

    private sealed class StorageProbe
    {
        public static readonly GrainId Grain = GrainId.Create("probe", Guid.NewGuid().ToString("N"));

        public Exception? Failure { get; set; }
    }

    /// <summary>Stands in for the silo: a hosted service registered after the storage that uses it at start.</summary>
    private sealed class StorageProbeService([FromKeyedServices(GrainStorageNames.Default)] IGrainStorage storage, StorageProbe probe) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await storage.WriteStateAsync("cart", StorageProbe.Grain, new GrainState<CartState>(new CartState { Owner = "probe" }));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                probe.Failure = e;
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
