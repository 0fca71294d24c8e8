using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.Silo.Tests;

public sealed class AdminRuntimeTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private const string AdminEmail = "runtime-admin@example.com";

    [Fact]
    public async Task Admins_see_activation_counts_by_grain_type_in_the_envelope()
    {
        await using var factory = NewFactory();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await RegisterAsync(client, AdminEmail, "runtimeadmin"));
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        for (var i = 0; i < 3; i++)
        {
            await grains.GetGrain<IVisitCounterGrain>($"page-{i}").Visit();
        }

        using var response = await client.GetAsync(new Uri("/v1/admin/runtime", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var root = body.RootElement;
        root.GetProperty("success").GetBoolean().Should().BeTrue();
        root.GetProperty("requestId").GetString().Should().StartWith("req_");
        var data = root.GetProperty("data");
        data.GetProperty("status").GetString().Should().Be("Active");
        var byType = data.GetProperty("activations_by_grain_type").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        byType["visitcounter"].Should().Be(3);
        data.GetProperty("total_activations").GetInt32().Should().Be(byType.Values.Sum());
    }

    [Fact]
    public async Task Other_users_are_refused_and_anonymous_callers_must_authenticate()
    {
        await using var factory = NewFactory();
        using var client = factory.CreateClient();

        using var anonymous = await client.GetAsync(new Uri("/v1/admin/runtime", UriKind.Relative));
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await RegisterAsync(client, "plain-user@example.com", "plainuser"));
        using var user = await client.GetAsync(new Uri("/v1/admin/runtime", UriKind.Relative));
        user.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        user.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private SiloFactory NewFactory() => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:MindPeeker"] = database.ConnectionString,
        ["Identity:AdminEmails:0"] = AdminEmail,
    });

    private static async Task<string> RegisterAsync(HttpClient client, string email, string username)
    {
        using var response = await client.PostAsJsonAsync("/v1/auth/register", new { email, username, password = "correct horse battery staple" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("data").GetProperty("token").GetString()!;
    }
}
