namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>One page of a user's keys, newest first; <see cref="HasMore"/> says whether a next page exists.</summary>
public sealed record ApiKeyPage(IReadOnlyList<ApiKeyView> Items, bool HasMore);
