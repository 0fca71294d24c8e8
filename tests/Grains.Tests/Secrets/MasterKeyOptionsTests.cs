using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.FileProviders;
using MindPeeker.Grains.Secrets;

namespace MindPeeker.Grains.Tests.Secrets;

public sealed class MasterKeyOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mp-keys-").FullName;

    [Fact]
    public void Without_a_master_key_outside_development_start_up_fails_with_a_clear_message()
    {
        var options = new MasterKeyOptions();
        new DevelopmentMasterKey(new Environment(Environments.Production, _directory), NullLogger<DevelopmentMasterKey>.Instance).PostConfigure(null, options);

        var result = new MasterKeyOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Integrations:Credentials:MasterKeys is empty").And.Contain("openssl rand -base64 32");
    }

    [Theory]
    [InlineData("1", "c2hvcnQ=", null, "not the base64 of exactly 32 bytes")]
    [InlineData("one", null, null, "not a positive whole number")]
    [InlineData("1", null, 2, "ActiveVersion 2 has no key")]
    public void Unusable_keys_are_refused_without_echoing_the_key(string version, string? key, int? active, string expected)
    {
        var options = new MasterKeyOptions { MasterKeys = { [version] = key ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, ActiveVersion = active };

        var result = new MasterKeyOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(expected).And.NotContain("c2hvcnQ=");
    }

    [Fact]
    public void In_development_a_key_is_generated_once_into_the_data_folder_and_reused()
    {
        var file = Path.Combine(_directory, ".data", DevelopmentMasterKey.FileName);
        var first = new MasterKeyOptions { DevelopmentKeyFile = file };
        var second = new MasterKeyOptions { DevelopmentKeyFile = file };
        var configure = new DevelopmentMasterKey(new Environment(Environments.Development, _directory), NullLogger<DevelopmentMasterKey>.Instance);

        configure.PostConfigure(null, first);
        configure.PostConfigure(null, second);

        first.MasterKeys.Should().ContainSingle().And.BeEquivalentTo(second.MasterKeys);
        new MasterKeyOptionsValidator().Validate(null, first).Succeeded.Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "only the owner may read the key");
        }
    }

    [Fact]
    public void Outside_development_a_key_file_is_used_only_when_configured_and_no_key_means_no_start()
    {
        var file = Path.Combine(_directory, ".data", DevelopmentMasterKey.FileName);
        var configured = new MasterKeyOptions { DevelopmentKeyFile = file };
        var unconfigured = new MasterKeyOptions();
        var configure = new DevelopmentMasterKey(new Environment(Environments.Production, _directory), NullLogger<DevelopmentMasterKey>.Instance);

        configure.PostConfigure(null, configured);
        configure.PostConfigure(null, unconfigured);

        configured.MasterKeys.Should().ContainSingle();
        File.Exists(file).Should().BeTrue();
        unconfigured.MasterKeys.Should().BeEmpty();
        new MasterKeyOptionsValidator().Validate(null, unconfigured).Failed.Should().BeTrue("production needs a configured master key");
    }

    [Fact]
    public void The_default_key_file_is_in_the_repository_data_folder()
    {
        File.WriteAllText(Path.Combine(_directory, "MindPeeker.sln"), string.Empty);
        var contentRoot = Directory.CreateDirectory(Path.Combine(_directory, "src", "Silo", "bin")).FullName;

        DevelopmentMasterKey.DefaultPath(contentRoot).Should().Be(Path.Combine(_directory, ".data", DevelopmentMasterKey.FileName));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class Environment(string name, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
