namespace MindPeeker.Runtime.CodeGen.Tests;

/// <summary>
/// A grain assembly exercising what the generator supports: every return shape, nullable and
/// keyword parameters, defaults, tuples, inheritance (including a diamond and a non-grain base),
/// nested and internal interfaces, and a grain class whose constructor takes state, context and services.
/// </summary>
internal static class GreeterSample
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MindPeeker.Runtime;

        namespace Sample
        {
            public interface IAuditable
            {
                Task<long> AuditCount();
            }

            public interface IGreeter : IGrainWithStringKey
            {
                Task<string> Greet(string name, int times);

                ValueTask<int> Count();

                Task Reset();

                ValueTask Touch(string? note, int @class);

                [AlwaysInterleave]
                Task<string?> Peek();

                [ReadOnly]
                ValueTask<(int Count, string Last)> Snapshot(IReadOnlyList<string> items, double factor = 1.5);

                [AlwaysInterleave, ReadOnly]
                Task<int> Both();
            }

            public interface IGreeterAdmin : IGreeter, IAuditable
            {
                Task Shutdown(DateTimeOffset at, params string[] reasons);
            }

            internal interface IRoot : IGrainWithGuidKey { Task Root(); }

            internal interface ILeft : IRoot { Task Left(); }

            internal interface IRight : IRoot { Task Right(); }

            internal interface IDiamond : ILeft, IRight { Task Bottom(); }

            internal static class Outer
            {
                internal interface INested : IGrainWithIntegerKey { Task<int> Ping(int value); }
            }

            public sealed class GreeterImpl : IGreeterAdmin
            {
                public int Greetings;

                public Task<string> Greet(string name, int times) => Task.FromResult(string.Concat(Enumerable(name, times)));

                public ValueTask<int> Count() => new(Greetings);

                public Task Reset()
                {
                    Greetings = 0;
                    return Task.CompletedTask;
                }

                public ValueTask Touch(string? note, int @class)
                {
                    Greetings += @class;
                    return default;
                }

                public Task<string?> Peek() => Task.FromResult<string?>(null);

                public ValueTask<(int Count, string Last)> Snapshot(IReadOnlyList<string> items, double factor = 1.5) =>
                    new((items.Count, items[items.Count - 1]));

                public Task<int> Both() => Task.FromResult(2);

                public Task<long> AuditCount() => Task.FromResult(42L);

                public Task Shutdown(DateTimeOffset at, params string[] reasons) => throw new InvalidOperationException("shutdown refused");

                private static IEnumerable<string> Enumerable(string name, int times)
                {
                    for (var i = 0; i < times; i++)
                    {
                        yield return name;
                    }
                }
            }

            public interface IClock
            {
                DateTimeOffset Now { get; }
            }

            public sealed class FixedClock : IClock
            {
                public DateTimeOffset Now => DateTimeOffset.UnixEpoch;
            }

            public interface IMetrics
            {
            }

            [Reentrant]
            public abstract class AuditedGrain : Grain, IAuditable
            {
                protected AuditedGrain(IGrainContext context)
                    : base(context)
                {
                }

                public Task<long> AuditCount() => Task.FromResult(0L);
            }

            [StatelessWorker(4)]
            [CollectionAgeLimit(Hours = 1, Minutes = 30, AlwaysActive = true)]
            public sealed class GreeterGrain : AuditedGrain, IGreeterAdmin
            {
                public GreeterGrain(IGrainContext context)
                    : this(context, null!, null!, null, null!)
                {
                }

                public GreeterGrain(
                    IGrainContext context,
                    [PersistentState("greetings", "store")] IPersistentState<List<string>?> greetings,
                    IClock clock,
                    IMetrics? metrics,
                    [PersistentState("settings")] IPersistentState<int> settings,
                    string title = "hello")
                    : base(context)
                {
                    Context = context;
                    GreetingsState = greetings;
                    Clock = clock;
                    Metrics = metrics;
                    SettingsState = settings;
                    Title = title;
                }

                internal GreeterGrain(IGrainContext context, IPersistentState<List<string>?> greetings, IClock clock, IMetrics? metrics, IPersistentState<int> settings)
                    : this(context, greetings, clock, metrics, settings, "internal")
                {
                }

                public IGrainContext Context { get; }

                public object GreetingsState { get; }

                public IClock Clock { get; }

                public IMetrics? Metrics { get; }

                public object SettingsState { get; }

                public string Title { get; }

                public Task<string> Greet(string name, int times) => Task.FromResult(name);

                public ValueTask<int> Count() => new(0);

                public Task Reset() => Task.CompletedTask;

                public ValueTask Touch(string? note, int @class) => default;

                public Task<string?> Peek() => Task.FromResult<string?>(Title);

                public ValueTask<(int Count, string Last)> Snapshot(IReadOnlyList<string> items, double factor = 1.5) => new((0, ""));

                public Task<int> Both() => Task.FromResult(0);

                public Task Shutdown(DateTimeOffset at, params string[] reasons) => Task.CompletedTask;
            }

            internal sealed class DiamondGrain(IGrainContext context) : Grain(context), IDiamond
            {
                public Task Root() => Task.CompletedTask;

                public Task Left() => Task.CompletedTask;

                public Task Right() => Task.CompletedTask;

                public Task Bottom() => Task.CompletedTask;
            }
        }
        """;
}
