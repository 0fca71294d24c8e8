using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Membership;
using MindPeeker.Runtime.Storage.PostgreSql;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Cluster.Membership;

public sealed class ClusterMembershipRegistrationTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    [Fact]
    public void The_defaults_are_valid_and_detect_a_dead_silo_well_under_ten_seconds()
    {
        var options = new ClusterMembershipOptions();

        new ClusterMembershipOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        (options.ProbePeriod * options.NumMissedProbesLimit + options.ProbeTimeout + options.TableRefreshPeriod)
            .Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_silo_gets_the_agent_with_options_bound_from_Silo_Membership_and_the_cluster_migrations()
    {
        using var host = BuildHost(("Silo:Membership:ProbePeriod", "00:00:03"), ("Silo:Membership:NumProbedSilos", "5"));

        var membership = host.Services.GetRequiredService<IClusterMembershipService>();
        var options = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        membership.Should().BeOfType<MembershipAgent>().Which.LocalSilo.Should().Be(new SiloAddress("127.0.0.1", 11111, 1));
        options.ProbePeriod.Should().Be(TimeSpan.FromSeconds(3));
        options.NumProbedSilos.Should().Be(5);
        host.Services.GetServices<SchemaMigrationSet>().Should().Contain(s => s.Component == ClusterSchema.MigrationComponent);
        host.Services.GetRequiredService<IMembershipTable>().Should().BeOfType<PostgreSqlMembershipTable>().Which.ClusterId.Should().Be("blue");
    }

    [Fact]
    public async Task Start_up_fails_naming_the_setting_when_the_probe_timeout_is_not_shorter_than_the_period()
    {
        using var host = BuildHost(("Silo:Membership:ProbeTimeout", "00:00:05"), ("Silo:Membership:NumVotesForDeathDeclaration", "0"));

        var start = () => host.StartAsync();

        var failure = await start.Should().ThrowAsync<OptionsValidationException>();
        failure.Which.Message.Should().Contain("Silo:Membership:ProbeTimeout").And.Contain("Silo:Membership:NumVotesForDeathDeclaration");
    }

    private IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton(new LocalSiloDetails(new SiloAddress("127.0.0.1", 11111, 1), "silo", "host", ["cpu"]));
        builder.Services.AddSingleton(new TestSiloNetwork().ProberOf(new SiloAddress("127.0.0.1", 11111, 1)));
        builder.Services.AddClusterMembership("blue", _ => database.DataSource);
        return builder.Build();
    }
}
