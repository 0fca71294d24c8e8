using System.Net.Http.Headers;
using System.Text;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Webhooks.Signing;

/// <summary>
/// Published test vector of the Standard Webhooks reference libraries
/// (github.com/standard-webhooks/standard-webhooks, <c>libraries/javascript/src/webhook.test.ts</c>, "sign function
/// works", and the same values in the other libraries' tests): secret <c>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw</c>,
/// id <c>msg_p5jXN8AQM9LWM0D4loKWxJek</c>, timestamp 1614265330, payload <c>{"test": 2432232314}</c> →
/// <c>v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=</c>.
/// </summary>
public sealed class StandardWebhookSignerTests
{
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long VectorTimestamp = 1614265330;
    private const string VectorPayload = "{\"test\": 2432232314}";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    // Python's hmac over the vector's key bytes and payload: hmac.new(b64decode(key), payload, sha256).hexdigest().
    private const string VectorLegacySignature = "e2cb4f5251572539d458bfb8a7adb533b08801e6a794467e06f771debbb0818b";

    // The reference libraries' "multi sig payload is valid" list: other versions and stale v1 entries around the valid one.
    private const string StaleV1 = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    private const string OtherVersion = "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(VectorPayload);
    private static readonly WebhookSecret Secret = WebhookSecret.Parse(VectorSecret);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp));

    private StandardWebhookSigner Signer => new(_time);

    [Fact]
    public void Sign_SpecificationVector_ProducesThePublishedSignature() =>
        StandardWebhookSigner.Sign(Secret, VectorId, VectorTimestamp, Payload).Should().Be(VectorSignature);

    [Fact]
    public void Sign_SecretWithoutPrefix_ProducesThePublishedSignature() =>
        StandardWebhookSigner.Sign(WebhookSecret.Parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), VectorId, VectorTimestamp, Payload)
            .Should().Be(VectorSignature);

    [Fact]
    public void SignLegacy_SpecificationVectorKey_IsTheLowercaseHexHmacOfTheBodyAlone() =>
        StandardWebhookSigner.SignLegacy(Secret, Payload).Should().Be(VectorLegacySignature);

    [Fact]
    public void CreateHeaders_StampsTheCurrentUnixSecondsAndSignsWithThem()
    {
        _time.Advance(TimeSpan.FromMilliseconds(1500));

        var headers = Signer.CreateHeaders(Secret, VectorId, Payload);

        headers.Timestamp.Should().Be(VectorTimestamp + 1);
        headers.Signature.Should().Be(StandardWebhookSigner.Sign(Secret, VectorId, VectorTimestamp + 1, Payload));
        headers.LegacySignature.Should().Be(VectorLegacySignature);
    }

    [Fact]
    public void ApplyTo_SetsTheFourHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://example.com/");
        request.Headers.TryAddWithoutValidation("webhook-signature", "v1,stale");

        StandardWebhookSigner.CreateHeaders(Secret, VectorId, DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp), Payload).ApplyTo(request.Headers);

        Single(request.Headers, "webhook-id").Should().Be(VectorId);
        Single(request.Headers, "webhook-timestamp").Should().Be("1614265330");
        Single(request.Headers, "webhook-signature").Should().Be(VectorSignature);
        Single(request.Headers, "X-MindPeeker-Signature").Should().Be(VectorLegacySignature);
    }

    [Fact]
    public void Verify_SpecificationVector_IsValid() =>
        Signer.Verify(Secret, VectorId, "1614265330", VectorSignature, Payload).Should().Be(WebhookVerificationResult.Valid);

    [Fact]
    public void Verify_SeveralSignaturesOneValid_IsValid() =>
        Signer.Verify(Secret, VectorId, "1614265330", $"{StaleV1} {OtherVersion} {VectorSignature} {StaleV1}", Payload)
            .Should().Be(WebhookVerificationResult.Valid);

    [Theory]
    [InlineData("{\"test\": 2432232315}")]
    [InlineData("{\"test\": 2432232314} ")]
    [InlineData("{\"test\":2432232314}")]
    public void Verify_TamperedBody_Fails(string body) =>
        Signer.Verify(Secret, VectorId, "1614265330", VectorSignature, Encoding.UTF8.GetBytes(body))
            .Should().Be(WebhookVerificationResult.NoMatchingSignature);

    [Fact]
    public void Verify_TamperedIdOrTimestamp_Fails()
    {
        Signer.Verify(Secret, "msg_p5jXN8AQM9LWM0D4loKWxJeK", "1614265330", VectorSignature, Payload).Should().Be(WebhookVerificationResult.NoMatchingSignature);
        Signer.Verify(Secret, VectorId, "1614265331", VectorSignature, Payload).Should().Be(WebhookVerificationResult.NoMatchingSignature);
    }

    [Fact]
    public void Verify_WrongSecret_Fails() =>
        Signer.Verify(WebhookSecret.Generate(24), VectorId, "1614265330", VectorSignature, Payload)
            .Should().Be(WebhookVerificationResult.NoMatchingSignature);

    [Theory]
    [InlineData("v1,dawfeoifkpqwoekfpqoekf")]
    [InlineData("v1,g0hM9SsE")]
    [InlineData("v1,")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData(OtherVersion)]
    public void Verify_PartialOrUnversionedSignature_Fails(string signature) =>
        Signer.Verify(Secret, VectorId, "1614265330", signature, Payload).Should().Be(WebhookVerificationResult.NoMatchingSignature);

    [Fact]
    public void Verify_MissingHeaders_Fail()
    {
        Signer.Verify(Secret, null, "1614265330", VectorSignature, Payload).Should().Be(WebhookVerificationResult.MissingHeader);
        Signer.Verify(Secret, VectorId, null, VectorSignature, Payload).Should().Be(WebhookVerificationResult.MissingHeader);
        Signer.Verify(Secret, VectorId, "1614265330", "", Payload).Should().Be(WebhookVerificationResult.MissingHeader);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("-1614265330")]
    [InlineData("1614265330.5")]
    public void Verify_TimestampNotUnixSeconds_Fails(string timestamp) =>
        Signer.Verify(Secret, VectorId, timestamp, VectorSignature, Payload).Should().Be(WebhookVerificationResult.InvalidTimestamp);

    [Fact]
    public void Verify_FiveMinutesLate_IsStillValid_OneSecondMoreIsTooOld()
    {
        _time.Advance(TimeSpan.FromMinutes(5));
        Signer.Verify(Secret, VectorId, "1614265330", VectorSignature, Payload).Should().Be(WebhookVerificationResult.Valid);

        _time.Advance(TimeSpan.FromSeconds(1));
        Signer.Verify(Secret, VectorId, "1614265330", VectorSignature, Payload).Should().Be(WebhookVerificationResult.TimestampTooOld);
    }

    [Fact]
    public void Verify_MoreThanFiveMinutesInTheFuture_IsTooNew()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp - 300));
        new StandardWebhookSigner(clock).Verify(Secret, VectorId, "1614265330", VectorSignature, Payload).Should().Be(WebhookVerificationResult.Valid);

        var earlier = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(VectorTimestamp - 301));
        new StandardWebhookSigner(earlier).Verify(Secret, VectorId, "1614265330", VectorSignature, Payload)
            .Should().Be(WebhookVerificationResult.TimestampTooNew);
    }

    [Fact]
    public void VerifyLegacy_AcceptsTheBodysHmac_RejectsTamperingAndOtherKeys()
    {
        StandardWebhookSigner.VerifyLegacy(Secret, VectorLegacySignature, Payload).Should().BeTrue();
        StandardWebhookSigner.VerifyLegacy(Secret, VectorLegacySignature, "{\"test\": 1}"u8).Should().BeFalse();
        StandardWebhookSigner.VerifyLegacy(WebhookSecret.Generate(), VectorLegacySignature, Payload).Should().BeFalse();
        StandardWebhookSigner.VerifyLegacy(Secret, VectorLegacySignature[..32], Payload).Should().BeFalse();
        StandardWebhookSigner.VerifyLegacy(Secret, null, Payload).Should().BeFalse();
    }

    [Fact]
    public void Sign_MessageIdWithAFullStop_IsRefused() =>
        FluentActions.Invoking(() => StandardWebhookSigner.Sign(Secret, "msg.1614265330", VectorTimestamp, Payload))
            .Should().Throw<ArgumentException>().WithMessage("*must not contain '.'*");

    private static string Single(HttpRequestHeaders headers, string name) => headers.GetValues(name).Should().ContainSingle().Subject;
}
