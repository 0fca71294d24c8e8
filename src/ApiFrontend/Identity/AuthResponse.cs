namespace MindPeeker.ApiFrontend.Identity;

/// <summary>Register and login: <c>{user, token, refresh_token, expires_in, token_type}</c>.</summary>
internal sealed record AuthResponse(UserResponse User, string Token, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");
