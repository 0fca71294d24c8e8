namespace MindPeeker.Grains.Abstractions.Identity;

/// <summary>What presenting a refresh token did.</summary>
public enum RefreshStatus
{
    /// <summary>Unknown, expired or already revoked: refused, nothing changed.</summary>
    Invalid,

    /// <summary>The token was spent and a new one issued in the same family.</summary>
    Rotated,

    /// <summary>The token had been spent before: the whole family is now revoked.</summary>
    ReuseDetected,
}
