using System.Net;
using Microsoft.IdentityModel.Tokens;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Security;

/// <summary>Access tokens that must be refused: tampered, unsigned, algorithm-confused, for another audience or issuer, foreign keys.</summary>
public sealed class AccessTokenSecurityTests(SecurityApiFixture fixture) : IClassFixture<SecurityApiFixture>, IAsyncLifetime
{
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly HttpClient _client = fixture.Client;
    private readonly TestAccount _account = fixture.Alice;
    private RsaSecurityKey _key = null!;

    public async Task InitializeAsync() => _key = await ForgedTokens.ActiveSigningKeyAsync(fixture.Database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_token_forged_with_the_real_key_and_the_right_claims_is_accepted_which_makes_the_refusals_below_meaningful()
    {
        var token = ForgedTokens.Sign(_key, SecurityAlgorithms.RsaSha256, _account.UserId.ToString(), _time.GetUtcNow());

        (await MeAsync(token)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        var tampered = ForgedTokens.Tamper(_account.AccessToken, "tier", "enterprise");

        (await MeAsync(tampered)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var token = ForgedTokens.Unsigned(_key.KeyId, _account.UserId.ToString(), _time.GetUtcNow());

        (await MeAsync(token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_hs256_token_keyed_with_the_public_key_is_refused()
    {
        var token = ForgedTokens.HmacWithPublicKey(_key, _account.UserId.ToString(), _time.GetUtcNow());

        (await MeAsync(token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("mindpeeker-auth", "someone-elses-api")]
    [InlineData("evil-issuer", "mindpeeker-api")]
    public async Task A_token_for_another_audience_or_from_another_issuer_is_refused(string issuer, string audience)
    {
        var token = ForgedTokens.Sign(_key, SecurityAlgorithms.RsaSha256, _account.UserId.ToString(), _time.GetUtcNow(), issuer, audience);

        (await MeAsync(token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_outside_the_ring_is_refused()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        var token = ForgedTokens.Sign(new RsaSecurityKey(stranger) { KeyId = _key.KeyId }, SecurityAlgorithms.RsaSha256, _account.UserId.ToString(), _time.GetUtcNow());

        (await MeAsync(token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpResponseMessage> MeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/users/me");
        request.Headers.Authorization = new("Bearer", token);
        return await _client.SendAsync(request);
    }
}
