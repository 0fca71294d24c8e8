using System.Text.Json;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Tests.Security;

public sealed class ConditionEvaluatorTests
{
    private static readonly Guid Session = Guid.Parse("6f1f3a3e-8d6c-4c1e-9a57-2a1f5b2c9d10");

    private static readonly Dictionary<string, object?> Context = new()
    {
        ["sessionId"] = Session.ToString(),
        ["userId"] = "u-42",
        ["organization"] = "acme",
        ["priority"] = 7,
        ["request"] = new Dictionary<string, object?> { ["method"] = "GET", ["ip"] = "203.0.113.9" },
        ["metadata"] = JsonSerializer.SerializeToElement(new { project = new { tier = "gold", budget = 12.5 }, tags = new[] { "a" } }),
        ["nothing"] = null,
    };

    [Theory]
    [InlineData("organization", "eq", "\"acme\"", true)]
    [InlineData("organization", "eq", "\"Acme\"", false)]
    [InlineData("organization", "ne", "\"globex\"", true)]
    [InlineData("organization", "ne", "\"acme\"", false)]
    [InlineData("userId", "in", "[\"u-1\", \"u-42\"]", true)]
    [InlineData("userId", "in", "[\"u-1\"]", false)]
    [InlineData("userId", "not_in", "[\"u-1\"]", true)]
    [InlineData("userId", "not_in", "[\"u-42\"]", false)]
    [InlineData("priority", "gt", "5", true)]
    [InlineData("priority", "gt", "7", false)]
    [InlineData("priority", "lt", "10", true)]
    [InlineData("priority", "lt", "\"7\"", false)]
    [InlineData("priority", "eq", "7.0", true)]
    [InlineData("request.method", "eq", "\"GET\"", true)]
    [InlineData("metadata.project.tier", "eq", "\"gold\"", true)]
    [InlineData("metadata.project.budget", "gt", "12", true)]
    [InlineData("metadata.project.budget", "lt", "12", false)]
    public void Operators_compare_the_field_at_a_dotted_path_with_the_value(string field, string op, string valueJson, bool expected) =>
        Evaluate(field, op, valueJson).Should().Be(expected);

    [Fact]
    public void Uuids_compare_regardless_of_case_and_format()
    {
        Evaluate("sessionId", "eq", $"\"{Session.ToString().ToUpperInvariant()}\"").Should().BeTrue();
        Evaluate("sessionId", "in", $"[\"{Session:N}\"]").Should().BeTrue();
    }

    [Fact]
    public void Dates_compare_in_time_order()
    {
        var context = new Dictionary<string, object?> { ["created"] = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero) };

        ConditionEvaluator.Evaluate(Condition("created", "gt", "\"2026-04-30T23:00:00Z\""), context).Should().BeTrue();
        ConditionEvaluator.Evaluate(Condition("created", "lt", "\"2026-04-30T23:00:00Z\""), context).Should().BeFalse();
    }

    [Theory]
    [InlineData("missing", "ne", "\"x\"")]
    [InlineData("missing", "not_in", "[\"x\"]")]
    [InlineData("nothing", "ne", "\"x\"")]
    [InlineData("metadata.project.missing", "ne", "\"x\"")]
    [InlineData("request.method.deeper", "eq", "\"GET\"")]
    [InlineData("organization", "like", "\"acme\"")]
    [InlineData("organization", "in", "\"acme\"")]
    [InlineData("organization", "gt", "\"a\"")]
    [InlineData("metadata.tags", "eq", "[\"a\"]")]
    public void A_missing_field_an_unknown_operator_or_an_incomparable_value_fails_the_condition(string field, string op, string valueJson) =>
        Evaluate(field, op, valueJson).Should().BeFalse();

    [Fact]
    public void All_conditions_must_hold_and_no_conditions_always_hold()
    {
        ConditionEvaluator.All(null, Context).Should().BeTrue();
        ConditionEvaluator.All([Condition("organization", "eq", "\"acme\""), Condition("priority", "gt", "1")], Context).Should().BeTrue();
        ConditionEvaluator.All([Condition("organization", "eq", "\"acme\""), Condition("priority", "gt", "100")], Context).Should().BeFalse();
    }

    private static bool Evaluate(string field, string op, string valueJson) => ConditionEvaluator.Evaluate(Condition(field, op, valueJson), Context);

    private static PermissionCondition Condition(string field, string op, string valueJson) =>
        new(field, op, JsonDocument.Parse(valueJson).RootElement.Clone());
}
