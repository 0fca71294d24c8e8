namespace MindPeeker.Grains.Tests.Caching;

/// <summary>The throwaway Redis that <c>./scripts/test</c> starts and names in <c>MINDPEEKER_TEST_REDIS</c> (host:port).</summary>
internal static class TestRedis
{
    public const string Variable = "MINDPEEKER_TEST_REDIS";

    /// <summary>The server's host:port; fails (never skips) without the variable, telling the reader to run <c>./scripts/test</c>.</summary>
    public static string Address =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address
            ? address
            : throw new InvalidOperationException(
                $"{Variable} is not set. These tests need a real Redis: run ./scripts/test, which starts a throwaway Redis and sets {Variable} (e.g. 127.0.0.1:6379).");
}
