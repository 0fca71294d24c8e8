namespace MindPeeker.Dashboard.Tests.Infrastructure;

/// <summary>The browser test classes share one running MindPeeker and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
