using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Identity;
using MindPeeker.Grains.Webhooks;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>
/// A real silo configured like the silo host for webhooks (PostgreSQL, migrations, identity grains for the audit log,
/// webhook delivery), with loopback targets allowed so deliveries reach <see cref="WebhookTestReceiver"/>. Signing
/// secrets are sealed under <see cref="MasterKey"/> (version 1, the same for every silo of the test run, so a restarted
/// silo opens what the first one stored) unless the configuration names master keys of its own.
/// </summary>
internal sealed class WebhookSilo : IAsyncDisposable
{
    /// <summary>The base64 master key (version 1) silos use unless told otherwise; random per test run.</summary>
    public static readonly string MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly TestSilo _silo;

    private WebhookSilo(TestSilo silo, WebhookLogRecorder logs)
    {
        _silo = silo;
        Logs = logs;
    }

    public WebhookLogRecorder Logs { get; }

    public IGrainFactory Grains => _silo.GrainFactory;

    public IServiceProvider Services => _silo.Services;

    /// <summary>Starts the silo; <paramref name="configuration"/> adds settings (for example breaker thresholds).</summary>
    public static async Task<WebhookSilo> StartAsync(
        PostgreSqlTestDatabase database, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>())
        {
            ["Outbound:AllowLoopbackTargets"] = "true",

            // These tests jump the fake clock by hours and days; idle collection would deactivate the endpoint grains
            // in the middle of a schedule. Deliveries across activations are the durability tests' subject.
            ["Silo:GrainCollection:CollectionAge"] = "3650.00:00:00",
        };
        if (!settings.Keys.Any(k => k.StartsWith("Integrations:Credentials:MasterKeys:", StringComparison.Ordinal)))
        {
            settings["Integrations:Credentials:MasterKeys:1"] = MasterKey;
        }

        var logs = new WebhookLogRecorder();
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrainsOnDatabase(database.ConnectionString);
                builder.Services.AddIdentityGrains();
                builder.AddWebhooks();
                builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
                builder.Services.AddSingleton<ILoggerProvider>(logs);
            },
            time,
            settings);
        return new WebhookSilo(silo, logs);
    }

    public IWebhookEndpointGrain Endpoint(Guid id) => Grains.GetGrain<IWebhookEndpointGrain>(id);

    /// <summary>Registers an endpoint for <paramref name="owner"/> subscribed to <c>session.completed</c>; fails the test when refused.</summary>
    public async Task<WebhookEndpointView> CreateEndpointAsync(Guid owner, Uri url, string? secret = null)
    {
        var created = await Grains.GetGrain<IUserWebhooksGrain>(owner).Create(
            new WebhookEndpointRequest(url.ToString(), [WebhookEventTypes.SessionCompleted], "test", secret));
        created.Errors.Should().BeNull();
        return created.Endpoint!;
    }

    public Task<PublishedWebhookEvent> PublishAsync(Guid owner) =>
        Grains.GetGrain<IWebhookPublisherGrain>(owner).Publish(WebhookEvent.Of(WebhookEventTypes.SessionCompleted, new { session_id = Guid.NewGuid() }));

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
