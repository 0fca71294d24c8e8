using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Identity;
using MindPeeker.Grains.Integrations;
using MindPeeker.Grains.Integrations.Credentials;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Integrations;

/// <summary>
/// A real silo with the integration grains over a real PostgreSQL database, configured like the silo host, with the
/// master keys given (version → key) and loopback targets allowed (the fake platforms listen on loopback).
/// </summary>
internal sealed class IntegrationSilo : IAsyncDisposable
{
    private readonly TestSilo _silo;

    private IntegrationSilo(TestSilo silo) => _silo = silo;

    public IGrainFactory Grains => _silo.GrainFactory;

    public IServiceProvider Services => _silo.Services;

    /// <summary>Completes with the number of integrations the start-up rotation re-encrypted.</summary>
    public Task<int> Rotation => _silo.Services.GetRequiredService<CredentialRotation>().Completion;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static async Task<IntegrationSilo> StartAsync(
        PostgreSqlTestDatabase database, IReadOnlyDictionary<int, byte[]> masterKeys, int? activeVersion = null, TimeProvider? time = null)
    {
        var configuration = new Dictionary<string, string?> { ["Outbound:AllowLoopbackTargets"] = "true" };
        foreach (var (version, key) in masterKeys)
        {
            configuration[$"Integrations:Credentials:MasterKeys:{version}"] = Convert.ToBase64String(key);
        }

        if (activeVersion is { } active)
        {
            configuration["Integrations:Credentials:ActiveVersion"] = active.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrainsOnDatabase(database.ConnectionString);
                builder.Services.AddIdentityGrains();
                builder.AddIntegrations();
            },
            time,
            configuration);
        return new IntegrationSilo(silo);
    }

    public IIntegrationGrain Integration(Guid id) => Grains.GetGrain<IIntegrationGrain>(id);

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
