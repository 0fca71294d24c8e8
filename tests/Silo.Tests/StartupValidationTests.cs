using Microsoft.Extensions.Options;

namespace MindPeeker.Silo.Tests;

public sealed class StartupValidationTests
{
    [Fact]
    public void A_missing_connection_string_fails_start_up_and_says_what_to_set()
    {
        using var factory = new SiloFactory(new Dictionary<string, string?> { ["ConnectionStrings:MindPeeker"] = "" });

        var start = () => factory.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage("*ConnectionStrings__MindPeeker*");
    }

    [Fact]
    public void A_malformed_connection_string_fails_start_up_clearly()
    {
        using var factory = SiloFactory.OnPostgreSql("Host=127.0.0.1;NoSuchKeyword=1");

        var start = () => factory.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage("*not a valid PostgreSQL connection string*");
    }

    [Fact]
    public void An_invalid_runtime_option_fails_start_up()
    {
        using var factory = new SiloFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:MindPeeker"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=mindpeeker",
            ["Silo:Messaging:ResponseTimeout"] = "-00:00:01",
        });

        var start = () => factory.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage("*ResponseTimeout*");
    }
}
