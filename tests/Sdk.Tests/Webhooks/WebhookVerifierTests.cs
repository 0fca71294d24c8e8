using System.Text;
using MindPeeker.Sdk.Webhooks;
using MindPeeker.TestSupport;

namespace MindPeeker.Sdk.Tests.Webhooks;

/// <summary>
/// <see cref="WebhookVerifier"/> against the Standard Webhooks specification's published test vector
/// (the one docs/webhook-signatures.md lists), under a fake clock.
/// </summary>
public sealed class WebhookVerifierTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Timestamp = "1614265330";
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    [Fact]
    public void The_specification_vector_verifies_including_among_several_signatures()
    {
        var verifier = new WebhookVerifier(Secret, new FakeTimeProvider(SignedAt));

        verifier.IsValid(Body, Id, Timestamp, Signature).Should().BeTrue();
        verifier.IsValid(Body, Id, Timestamp, "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v2,x " + Signature).Should().BeTrue();
        FluentActions.Invoking(() => verifier.Verify(Body, [new("Webhook-Id", Id), new("WEBHOOK-TIMESTAMP", Timestamp), new("webhook-signature", Signature)]))
            .Should().NotThrow("header names are case-insensitive");
    }

    [Fact]
    public void A_tampered_body_id_timestamp_or_a_wrong_secret_is_refused()
    {
        var verifier = new WebhookVerifier(Secret, new FakeTimeProvider(SignedAt));

        verifier.IsValid(Encoding.UTF8.GetBytes("{\"test\": 2432232315}"), Id, Timestamp, Signature).Should().BeFalse();
        verifier.IsValid(Body, "msg_other", Timestamp, Signature).Should().BeFalse();
        verifier.IsValid(Body, Id, "1614265331", Signature).Should().BeFalse();
        verifier.IsValid(Body, Id, Timestamp, Signature[..^4] + "AAA=").Should().BeFalse();
        verifier.IsValid(Body, Id, Timestamp, null).Should().BeFalse();
        new WebhookVerifier("whsec_" + Convert.ToBase64String(new byte[32]), new FakeTimeProvider(SignedAt)).IsValid(Body, Id, Timestamp, Signature).Should().BeFalse();
    }

    [Fact]
    public void Timestamps_more_than_five_minutes_away_are_refused_either_way()
    {
        var clock = new FakeTimeProvider(SignedAt);
        var verifier = new WebhookVerifier(Secret, clock);

        clock.Advance(TimeSpan.FromMinutes(5));
        verifier.IsValid(Body, Id, Timestamp, Signature).Should().BeTrue("exactly 5 minutes is within tolerance");
        clock.Advance(TimeSpan.FromSeconds(1));
        FluentActions.Invoking(() => verifier.Verify(Body, Id, Timestamp, Signature)).Should().Throw<WebhookVerificationException>().WithMessage("*too old*");

        var early = new WebhookVerifier(Secret, new FakeTimeProvider(SignedAt - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1)));
        FluentActions.Invoking(() => early.Verify(Body, Id, Timestamp, Signature)).Should().Throw<WebhookVerificationException>().WithMessage("*future*");
    }
}
