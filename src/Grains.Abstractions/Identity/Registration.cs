namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>A validated registration request; <see cref="ICredentialsGrain.Register"/> hashes the password.</summary>
public sealed record Registration(string Email, string Username, string Password, IReadOnlyList<string> Roles);
