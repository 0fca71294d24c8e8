namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>One page of a user's integrations, newest first; <see cref="HasMore"/> says whether a next page exists.</summary>
public sealed record IntegrationPage(IReadOnlyList<IntegrationView> Items, bool HasMore);
