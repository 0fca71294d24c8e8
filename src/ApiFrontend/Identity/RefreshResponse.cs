namespace MindPeeker.ApiFrontend.Identity;

/// <summary>Refresh: <c>{token, refresh_token, expires_in}</c>.</summary>
internal sealed record RefreshResponse(string Token, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");
