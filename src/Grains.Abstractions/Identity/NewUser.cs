namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>What <see cref="IUserGrain.Create"/> stores: an already hashed password, never a plain one.</summary>
public sealed record NewUser(string Email, string Username, string PasswordHash, IReadOnlyList<string> Roles);
