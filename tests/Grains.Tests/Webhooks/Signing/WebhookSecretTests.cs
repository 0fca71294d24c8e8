using MindPeeker.Grains.Webhooks.Signing;

namespace MindPeeker.Grains.Tests.Webhooks.Signing;

public sealed class WebhookSecretTests
{
    // 32 bytes 0x00..0x1f: base64 "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" ends in one padding character.
    private const string PaddedKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Fact]
    public void Generate_ByDefault_Makes32RandomBytesInTheWhsecForm()
    {
        var first = WebhookSecret.Generate();
        var second = WebhookSecret.Generate();

        first.KeyLength.Should().Be(32);
        first.Export().Should().StartWith("whsec_");
        Convert.FromBase64String(first.Export()["whsec_".Length..]).Should().HaveCount(32);
        first.Export().Should().NotBe(second.Export(), "every endpoint gets its own random key");
    }

    [Theory]
    [InlineData(24)]
    [InlineData(64)]
    public void Generate_AtTheSpecificationsBounds_Works(int bytes) =>
        WebhookSecret.Generate(bytes).KeyLength.Should().Be(bytes);

    [Theory]
    [InlineData(23)]
    [InlineData(65)]
    public void Generate_OutsideTheBounds_Throws(int bytes) =>
        FluentActions.Invoking(() => WebhookSecret.Generate(bytes)).Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData("whsec_" + PaddedKey)]
    [InlineData(PaddedKey)]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")]
    public void Parse_WithOrWithoutPrefixAndPadding_ReadsTheSameKey(string text)
    {
        var secret = WebhookSecret.Parse(text);

        secret.Export().Should().Be("whsec_" + PaddedKey);
        StandardWebhookSigner.SignLegacy(secret, "x"u8).Should().Be(StandardWebhookSigner.SignLegacy(WebhookSecret.Parse(PaddedKey), "x"u8));
    }

    [Fact]
    public void Parse_UrlSafeAlphabet_ReadsTheSameKey()
    {
        var standard = WebhookSecret.Generate(48).Export();
        var urlSafe = standard.Replace('+', '-').Replace('/', '_').TrimEnd('=');

        WebhookSecret.Parse(urlSafe).Export().Should().Be(standard);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("whsec_", "empty")]
    [InlineData("whsec_not*base64!", "not valid base64")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODw==", "24 to 64 bytes; it encodes 16")]
    [InlineData("whsec_AAECA", "not valid base64")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0O DxAREhMUFRYXGBkaGxwdHh8=", "spaces or line breaks")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8===", "not valid base64")]
    public void TryParse_Invalid_GivesAReasonWithoutTheValue(string text, string expected)
    {
        WebhookSecret.TryParse(text, out var secret, out var reason).Should().BeFalse();

        secret.Should().BeNull();
        reason.Should().Contain(expected);
        if (text.Length > "whsec_".Length)
        {
            reason.Should().NotContain(text["whsec_".Length..]);
        }
    }

    [Fact]
    public void Parse_TooLong_Throws()
    {
        var tooLong = "whsec_" + Convert.ToBase64String(new byte[65]);

        FluentActions.Invoking(() => WebhookSecret.Parse(tooLong)).Should().Throw<FormatException>().WithMessage("*24 to 64 bytes; it encodes 65*");
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        var secret = WebhookSecret.Parse("whsec_" + PaddedKey);

        secret.ToString().Should().NotContain("AAECAwQF").And.Contain("32 bytes");
        $"{secret}".Should().NotContain(PaddedKey);
    }
}
