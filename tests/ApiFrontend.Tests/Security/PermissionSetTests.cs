using System.Security.Claims;
using System.Text.Json;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Tests.Security;

public sealed class PermissionSetTests
{
    private static readonly IReadOnlyDictionary<string, object?> NoContext = new Dictionary<string, object?>();

    [Theory]
    [InlineData("*", "sessions", true)]
    [InlineData("*", "admin", true)]
    [InlineData("sessions", "sessions", true)]
    [InlineData("sessions", "sessions.results", false)]
    [InlineData("sessions", "analyses", false)]
    [InlineData("sessions.*", "sessions", true)]
    [InlineData("sessions.*", "sessions.results", true)]
    [InlineData("sessions.*", "sessionsx", false)]
    [InlineData("sessions.*", "analyses", false)]
    public void Resource_patterns_match_themselves_their_children_or_everything(string pattern, string resource, bool expected) =>
        ResourcePattern.Matches(pattern, resource).Should().Be(expected);

    [Theory]
    [InlineData("*", "*", true)]
    [InlineData("*", "sessions.*", true)]
    [InlineData("sessions.*", "sessions", true)]
    [InlineData("sessions.*", "sessions.*", true)]
    [InlineData("sessions.*", "sessions.results.*", true)]
    [InlineData("sessions", "sessions.*", false)]
    [InlineData("sessions.*", "*", false)]
    [InlineData("sessions", "*", false)]
    [InlineData("analyses.*", "sessions", false)]
    public void Covers_says_whether_a_grant_includes_everything_a_requested_pattern_names(string granted, string requested, bool expected) =>
        ResourcePattern.Covers(granted, requested).Should().Be(expected);

    [Theory]
    [InlineData("*", true)]
    [InlineData("sessions", true)]
    [InlineData("api-keys.*", true)]
    [InlineData("sessions.results", true)]
    [InlineData("spaceships", false)]
    [InlineData("sessions.", false)]
    [InlineData("*.*", false)]
    [InlineData("", false)]
    public void Only_patterns_over_known_resources_are_valid(string pattern, bool expected) =>
        ResourcePattern.IsValid(pattern).Should().Be(expected);

    [Fact]
    public void Allows_needs_a_grant_matching_both_resource_and_action()
    {
        var set = new PermissionSet([new PermissionGrant("sessions", ["read", "create"]), new PermissionGrant("webhooks.*", ["*"])]);

        set.Allows("sessions", "read", NoContext).Should().BeTrue();
        set.Allows("sessions", "delete", NoContext).Should().BeFalse();
        set.Allows("webhooks", "delete", NoContext).Should().BeTrue();
        set.Allows("analyses", "read", NoContext).Should().BeFalse();
    }

    [Fact]
    public void A_wildcard_action_is_covered_only_by_a_wildcard_grant()
    {
        var set = new PermissionSet([new PermissionGrant("sessions", ["create", "read", "update", "delete"])]);

        set.Covers("sessions", "read").Should().BeTrue();
        set.Covers("sessions", "*").Should().BeFalse();
    }

    [Fact]
    public void Conditional_grants_allow_only_when_their_conditions_hold_and_never_count_for_coverage()
    {
        var condition = new PermissionCondition("sessionId", "eq", JsonSerializer.SerializeToElement("s-1"));
        var set = new PermissionSet([new PermissionGrant("sessions", ["read"], [condition])]);

        set.Allows("sessions", "read", new Dictionary<string, object?> { ["sessionId"] = "s-1" }).Should().BeTrue();
        set.Allows("sessions", "read", new Dictionary<string, object?> { ["sessionId"] = "s-2" }).Should().BeFalse();
        set.Covers("sessions", "read").Should().BeFalse();
    }

    [Fact]
    public void Grants_survive_the_round_trip_through_claims()
    {
        var condition = new PermissionCondition("userId", "in", JsonSerializer.SerializeToElement(new[] { "u-1", "u-2" }));
        var grants = new[] { new PermissionGrant("sessions.*", ["read", "create"]), new PermissionGrant("api-keys", ["read"], [condition]) };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(PermissionSet.ToClaims(grants), "test"));

        var set = PermissionSet.FromClaims(principal);

        principal.FindAll(MindPeekerClaims.Permission).Select(c => c.Value).Should().Equal("sessions.*:read", "sessions.*:create");
        set.Allows("sessions.results", "create", NoContext).Should().BeTrue();
        set.Allows("api-keys", "read", new Dictionary<string, object?> { ["userId"] = "u-2" }).Should().BeTrue();
        set.Allows("api-keys", "read", new Dictionary<string, object?> { ["userId"] = "u-3" }).Should().BeFalse();
    }

    [Fact]
    public void The_user_role_may_not_touch_admin_and_the_admin_role_may_do_everything()
    {
        var roles = new RoleCatalog();

        roles.For([UserRoles.User]).Allows("sessions", "delete", NoContext).Should().BeTrue();
        roles.For([UserRoles.User]).Allows("admin", "read", NoContext).Should().BeFalse();
        roles.For([UserRoles.User, UserRoles.Admin]).Allows("admin", "update", NoContext).Should().BeTrue();
        roles.For(["unknown-role"]).Grants.Should().BeEmpty();
    }
}
