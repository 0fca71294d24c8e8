using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.ApiFrontend.RateLimiting;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Benchmarks.RateLimitOverhead;

/// <summary>
/// <c>rate-limit-overhead</c>: what the rate-limit check adds to a request. The same in-process request pipeline
/// (a fresh <see cref="DefaultHttpContext"/> for an authenticated user, a terminal that answers 200 and starts the
/// response) runs with and without <c>UseRateLimitingFeature</c>, in the same silo; the difference is principal
/// resolution, the bucket grain call and header formatting. Phases: one caller (the added latency itself), 64
/// callers over 10,000 users (under load), and 64 callers on one API key (every request queues on one grain).
/// </summary>
internal static class RateLimitOverheadScenario
{
    private const int Users = 10_000;
    private const int LoadedCallers = 64;

    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseSilo(silo => silo.AddGrains(typeof(GrainsAssembly).Assembly).AddMemoryGrainStorage());
        builder.Services.AddLogging().AddProblemDetails().AddRateLimitingFeature(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();

        var baseline = Pipeline(host.Services, limited: false);
        var limited = Pipeline(host.Services, limited: true);
        var users = Enumerable.Range(0, Users).Select(i => Principal(new Claim(MindPeekerClaims.Subject, $"user-{i}"), new Claim(MindPeekerClaims.Tier, "enterprise"))).ToArray();
        var refused = new int[1];
        var hotKey = Principal(
            new Claim(MindPeekerClaims.Subject, "owner"),
            new Claim(MindPeekerClaims.ApiKeyId, "hot-key"),
            new Claim(MindPeekerClaims.RateLimitPerMinute, "1000000"));

        Func<int, long, ValueTask> Call(RequestDelegate pipeline, Func<int, long, ClaimsPrincipal> principal) =>
            (caller, sequence) => Send(pipeline, host.Services, principal(caller, sequence), refused);
        var baselineCall = Call(baseline, (c, s) => users[(int)((c + (s * LoadedCallers)) % Users)]);
        var limitedCall = Call(limited, (c, s) => users[(int)((c + (s * LoadedCallers)) % Users)]);
        var hotKeyCall = Call(limited, (_, _) => hotKey);

        Console.WriteLine($"rate-limit-overhead: {Users} users (enterprise, 10,000/min), {duration.TotalSeconds:0} s per phase after {warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores");
        await ClosedLoopLoad.RunAsync(LoadedCallers, warmup, baselineCall);
        await ClosedLoopLoad.RunAsync(LoadedCallers, warmup, limitedCall);
        var single = await AddedLatency.MeasureAsync("1 caller", "rate limiting", 1, baselineCall, limitedCall, duration);
        var loaded = await AddedLatency.MeasureAsync($"{LoadedCallers} callers, {Users} users", "rate limiting", LoadedCallers, baselineCall, limitedCall, duration);
        var refusedUnderLimit = Interlocked.Exchange(ref refused[0], 0);
        var hot = await AddedLatency.MeasureOneAsync($"{LoadedCallers} callers, one API key (1,000,000/min)", LoadedCallers, hotKeyCall, duration);
        var hotRefusedShare = (double)refused[0] / hot.Calls;
        await host.StopAsync();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one API key: {hotRefusedShare:P1} refused (429) once its 1,000,000 tokens were spent"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT rate-limit-overhead p50_us={single.P50:0.0} p99_us={single.P99:0.0} loaded_p50_us={loaded.P50:0.0} loaded_p99_us={loaded.P99:0.0} checks_per_sec={loaded.With.CallsPerSecond:0} alloc_bytes_per_check={loaded.With.AllocatedBytesPerCall - loaded.Without.AllocatedBytesPerCall:0} hot_key_p50_us={hot.Latency.QuantileMicroseconds(0.5):0.0} hot_key_p99_us={hot.Latency.QuantileMicroseconds(0.99):0} refused={refusedUnderLimit}"));
        return refusedUnderLimit == 0 ? 0 : 1;
    }



    private static RequestDelegate Pipeline(IServiceProvider services, bool limited)
    {
        var app = new ApplicationBuilder(services);
        if (limited)
        {
            app.UseRateLimitingFeature();
        }

        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return ((BenchResponseFeature)context.Features.GetRequiredFeature<IHttpResponseFeature>()).StartAsync();
        });
        return app.Build();
    }

    private static async ValueTask Send(RequestDelegate pipeline, IServiceProvider services, ClaimsPrincipal user, int[] refused)
    {
        var context = new DefaultHttpContext { RequestServices = services, User = user };
        context.Features.Set<IHttpResponseFeature>(new BenchResponseFeature());
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/v1/sessions";
        await pipeline(context);
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            Interlocked.Increment(ref refused[0]);
        }
    }

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, "Bearer"));

}
