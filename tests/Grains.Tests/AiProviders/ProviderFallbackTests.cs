using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.AiProviders;
using MindPeeker.TestSupport.OpenAiFake;
using static MindPeeker.Grains.Tests.AiProviders.ProviderSilo;

namespace MindPeeker.Grains.Tests.AiProviders;

/// <summary>The fallback chain against a real OpenAI-compatible server: failures of every kind move on to the next model.</summary>
public sealed class ProviderFallbackTests : ProviderTestContext
{
    [Fact]
    public async Task Primary_model_answers_with_a_validated_finding_over_the_openai_wire_format()
    {
        Fake.Enqueue(ModelA, FakeReply.Finding("visual", 0.87654, new { label = "bridge", terrain = "river" }));
        await using var silo = await StartAsync(Database, Fake);

        var finding = await silo.Provider.AnalyzeAsync(Input("A stone bridge over a river"), CancellationToken.None);

        finding.ResultType.Should().Be("visual");
        finding.ConfidenceScore.Should().Be(0.8765m);
        finding.MeetsThreshold.Should().BeTrue();
        finding.Data.GetProperty("label").GetString().Should().Be("bridge");
        finding.Model.Name.Should().Be(ModelA);
        var request = Fake.Requests.Should().ContainSingle().Subject;
        request.Model.Should().Be(ModelA);
        request.Authorization.Should().Be("Bearer " + ApiKey);
        request.ResponseFormatType.Should().Be("json_schema");
        request.Messages.Select(m => m.Role).Should().Equal("system", "user");
        request.Messages[1].Content.Should().Be("A stone bridge over a river");
        request.Messages[0].Content.Should().Contain("'visual'");
        using var body = request.ParseBody();
        body.RootElement.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema")
            .GetProperty("required")[0].GetString().Should().Be("findings");
        silo.Logs.Entries.Should().NotContain(e => e.Message.Contains(ApiKey, StringComparison.Ordinal), "the API key is never logged");
    }

    [Fact]
    public async Task Server_error_falls_back_to_the_next_model()
    {
        Fake.Enqueue(ModelA, FakeReply.ServerError());
        Fake.Enqueue(ModelB, FakeReply.Finding("visual", 0.6, new { label = "tower" }));
        await using var silo = await StartAsync(Database, Fake);
        var calls = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new MeterListener();
        var meter = silo.Services.GetRequiredService<AiProviderMetrics>().Meter;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter && instrument.Name == "ai_inference_duration_seconds")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            calls.Enqueue($"{tags.ToArray().Single(t => t.Key == "model").Value}={tags.ToArray().Single(t => t.Key == "outcome").Value}"));
        listener.Start();

        var finding = await silo.Provider.AnalyzeAsync(Input("a tall tower"), CancellationToken.None);

        finding.Model.Name.Should().Be(ModelB);
        Fake.Requests.Select(r => r.Model).Should().Equal(ModelA, ModelB);
        calls.Should().Equal($"{ModelA}=failure", $"{ModelB}=success");
        silo.Logs.Entries.Should().Contain(e => e.EventId == 6201 && e.Message.Contains(ModelA) && e.Message.Contains("HTTP 500"));
    }

    [Fact]
    public async Task Timed_out_model_falls_back_to_the_next_model()
    {
        Fake.Enqueue(ModelA, FakeReply.Hang());
        Fake.Enqueue(ModelB, FakeReply.Finding("visual", 0.7, new { label = "field" }));
        await using var silo = await StartAsync(Database, Fake, settings: new Dictionary<string, string?>
        {
            ["AiProviders:Providers:fake:RequestTimeout"] = "00:00:00.300",
        });

        var finding = await silo.Provider.AnalyzeAsync(Input("an open field"), CancellationToken.None);

        finding.Model.Name.Should().Be(ModelB);
        silo.Logs.Entries.Should().Contain(e => e.EventId == 6201 && e.Message.Contains(ModelA) && e.Message.Contains("timed out"));
    }

    [Fact]
    public async Task Malformed_or_schema_violating_output_falls_back()
    {
        Fake.Enqueue(ModelA, FakeReply.Content("The answer is a bridge, I think."));
        Fake.Enqueue(ModelB, FakeReply.Content("""{"findings":[{"result_type":"visual","confidence":1.7,"data":{}}]}"""));
        Fake.Enqueue(ModelC, FakeReply.Content("```json\n{\"findings\":[{\"result_type\":\"visual\",\"confidence\":0.42,\"data\":{\"label\":\"lake\"}}]}\n```"));
        await using var silo = await StartAsync(Database, Fake);

        var finding = await silo.Provider.AnalyzeAsync(Input("calm water"), CancellationToken.None);

        finding.Model.Name.Should().Be(ModelC);
        finding.ConfidenceScore.Should().Be(0.42m);
        finding.MeetsThreshold.Should().BeFalse();
        var failures = silo.Logs.Entries.Where(e => e.EventId == 6201).Select(e => e.Message).ToList();
        failures.Should().Contain(m => m.Contains(ModelA) && m.Contains("content is not JSON"));
        failures.Should().Contain(m => m.Contains(ModelB) && m.Contains("confidence"));
    }

    [Fact]
    public async Task Oversized_response_is_a_failure_of_that_model()
    {
        Fake.Enqueue(ModelA, FakeReply.Oversized(20_000));
        Fake.Enqueue(ModelB, FakeReply.Finding("visual", 0.9, new { label = "city" }));
        await using var silo = await StartAsync(Database, Fake, settings: new Dictionary<string, string?>
        {
            ["AiProviders:Providers:fake:MaxResponseBytes"] = "8192",
        });

        var finding = await silo.Provider.AnalyzeAsync(Input("a city at night"), CancellationToken.None);

        finding.Model.Name.Should().Be(ModelB);
        silo.Logs.Entries.Should().Contain(e => e.EventId == 6201 && e.Message.Contains(ModelA) && e.Message.Contains("8192 bytes"));
    }

    [Fact]
    public async Task Request_over_the_size_cap_fails_clearly_without_being_sent()
    {
        await using var silo = await StartAsync(Database, Fake, settings: new Dictionary<string, string?>
        {
            ["AiProviders:Providers:fake:MaxRequestBytes"] = "4096",
        });

        var act = () => silo.Provider.AnalyzeAsync(Input(new string('z', 5000)), CancellationToken.None);

        (await act.Should().ThrowAsync<AiRequestTooLargeException>()).Which.Message.Should().Contain("4096 bytes");
        Fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Every_model_failing_names_each_failure()
    {
        Fake.Enqueue(ModelA, FakeReply.ServerError());
        Fake.Enqueue(ModelB, FakeReply.Content("{\"findings\": \"none\"}"));
        Fake.Enqueue(ModelC, FakeReply.Hang());
        await using var silo = await StartAsync(Database, Fake, settings: new Dictionary<string, string?>
        {
            ["AiProviders:Providers:fake:RequestTimeout"] = "00:00:00.300",
        });

        var act = () => silo.Provider.AnalyzeAsync(Input("anything"), CancellationToken.None);

        var message = (await act.Should().ThrowAsync<AiProviderUnavailableException>()).Which.Message;
        message.Should().Contain("'fake'")
            .And.Contain($"{ModelA}: HTTP 500")
            .And.Contain($"{ModelB}: malformed output (no findings array)")
            .And.Contain($"{ModelC}: timed out");
        Fake.Requests.Should().HaveCount(3, "each model is asked once");
    }

    [Fact]
    public async Task Models_list_endpoint_speaks_the_openai_format()
    {
        Fake.SetDefault(ModelA, FakeReply.ServerError());
        using var http = new HttpClient();

        using var models = JsonDocument.Parse(await http.GetStringAsync(new Uri(Fake.BaseUrl + "/models")));

        models.RootElement.GetProperty("object").GetString().Should().Be("list");
        models.RootElement.GetProperty("data")[0].GetProperty("id").GetString().Should().Be(ModelA);
    }
}
