using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Outbound;

namespace MindPeeker.Grains.Tests.Outbound;

/// <summary><c>AddOutboundHttp</c> in a real generic host: configuration binding, validation on start, the development warning.</summary>
public sealed class OutboundHttpRegistrationTests
{
    [Fact]
    public async Task Start_ByDefault_RefusesLoopbackAndLogsNoWarning()
    {
        var logs = new RecordingLoggerProvider();
        using var host = Build(logs, []);

        await host.StartAsync();

        host.Services.GetRequiredService<OutboundAddressPolicy>().AllowLoopbackTargets.Should().BeFalse();
        host.Services.GetRequiredService<IOptions<OutboundHttpOptions>>().Value.RequestTimeout.Should().Be(TimeSpan.FromSeconds(15));
        logs.Entries.Should().NotContain(e => e.EventId.Id == 6050);
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_WithAllowLoopbackTargets_LogsALoudWarning()
    {
        var logs = new RecordingLoggerProvider();
        using var host = Build(logs, new() { ["Outbound:AllowLoopbackTargets"] = "true" });

        await host.StartAsync();

        host.Services.GetRequiredService<OutboundAddressPolicy>().AllowLoopbackTargets.Should().BeTrue();
        logs.Entries.Should().ContainSingle(e => e.EventId.Id == 6050 && e.Level == LogLevel.Warning)
            .Which.Message.Should().Contain("AllowLoopbackTargets is ON").And.Contain("never enable it in production");
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Outbound:RequestTimeout", "00:00:00", "RequestTimeout")]
    [InlineData("Outbound:ConnectTimeout", "01:00:00", "ConnectTimeout")]
    [InlineData("Outbound:PooledConnectionLifetime", "00:00:00", "PooledConnectionLifetime")]
    [InlineData("Outbound:MaxResponseHeadersKiB", "0", "MaxResponseHeadersKiB")]
    public async Task Start_WithAnInvalidSetting_FailsNamingIt(string key, string value, string named)
    {
        using var host = Build(new RecordingLoggerProvider(), new() { [key] = value });

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(named);
    }

    private static IHost Build(RecordingLoggerProvider logs, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(logs);
        builder.Services.AddOutboundHttp();
        return builder.Build();
    }
}
