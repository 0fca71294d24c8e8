using MindPeeker.Grains.AiProviders;

namespace MindPeeker.Grains.Tests.AiProviders;

public sealed class AiProvidersOptionsValidatorTests
{
    [Fact]
    public void The_spec_chain_with_a_key_from_the_environment_is_valid()
    {
        var variable = "MP_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "nvapi-test");
        try
        {
            var options = Options(provider => provider.ApiKeyVariable = variable);

            new AiProvidersOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
            options.Providers["nim"].ResolveApiKey().Should().Be("nvapi-test");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_routed_provider_without_a_key_and_bad_limits_fail_start_up_naming_each_setting()
    {
        var options = Options(provider =>
        {
            provider.ApiKeyVariable = "MP_TEST_KEY_THAT_IS_NOT_SET";
            provider.BaseUrl = "ftp://example.org";
            provider.RequestsPerMinute = 0;
            provider.Models.Add("moonshotai/kimi-k2.5");
        });
        options.SessionTypes["telepathy"] = new SessionTypeRouteOptions { Mode = "cloud" };

        var result = new AiProvidersOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().Contain(f => f.Contains("AiProviders:SessionTypes:remote_viewing") && f.Contains("no API key") && f.Contains("MP_TEST_KEY_THAT_IS_NOT_SET"));
        result.Failures.Should().Contain(f => f.Contains("AiProviders:Providers:nim:BaseUrl"));
        result.Failures.Should().Contain(f => f.Contains("RequestsPerMinute"));
        result.Failures.Should().Contain(f => f.Contains("lists a model twice"));
        result.Failures.Should().Contain(f => f.Contains("telepathy") && f.Contains("unknown session type"));
        result.Failures.Should().Contain(f => f.Contains("Mode must be one of local, provider, local_then_provider"));
    }

    private static AiProvidersOptions Options(Action<AiProviderOptions> change)
    {
        var provider = new AiProviderOptions
        {
            BaseUrl = "https://integrate.api.nvidia.com/v1",
            Models = ["qwen/qwen3.5-397b-a17b", "qwen2.5-coder-32b", "moonshotai/kimi-k2.5"],
        };
        change(provider);
        var options = new AiProvidersOptions();
        options.Providers["nim"] = provider;
        options.SessionTypes["remote_viewing"] = new SessionTypeRouteOptions { Mode = AnalysisModes.Provider, Provider = "nim" };
        return options;
    }
}
