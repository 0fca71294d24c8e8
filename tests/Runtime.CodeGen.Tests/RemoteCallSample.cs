namespace MindPeeker.Runtime.CodeGen.Tests;

/// <summary>
/// A grain interface whose arguments cover what remote calls carry as JSON: primitives, nullable
/// values and references, records, collections, Guid, enums, time values, a cancellation token and no
/// arguments at all; and an implementation that echoes them back.
/// </summary>
internal static class RemoteCallSample
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using MindPeeker.Runtime;

        namespace Sample
        {
            public enum Priority { Low, High }

            public sealed record LineItem(string Sku, int Quantity, decimal Price);

            public sealed record Order(Guid Id, string Customer, IReadOnlyList<LineItem> Items, Priority Priority, DateTimeOffset PlacedAt, string? Note);

            public interface ICatalog : IGrainWithStringKey
            {
                Task<int> Add(int quantity, string sku);

                Task<string> Annotate(string? note, int? rank);

                Task<Order> Submit(Order order);

                Task<int> Tag(List<string> tags, Dictionary<string, int> counts, int[] scores, IReadOnlyList<LineItem?> items);

                ValueTask<Guid> Reserve(Guid id, Priority priority, Priority? fallback, DateTimeOffset at, TimeSpan hold);

                Task<int> Count();

                Task Wait(string reason, CancellationToken cancellationToken);
            }

            public sealed class Catalog : ICatalog
            {
                public Task<int> Add(int quantity, string sku) => Task.FromResult(quantity * sku.Length);

                public Task<string> Annotate(string? note, int? rank) => Task.FromResult($"{note ?? "none"}:{rank?.ToString() ?? "none"}");

                public Task<Order> Submit(Order order) => Task.FromResult(order with { Note = "accepted" });

                public Task<int> Tag(List<string> tags, Dictionary<string, int> counts, int[] scores, IReadOnlyList<LineItem?> items) =>
                    Task.FromResult(tags.Count + counts.Values.Sum() + scores.Sum() + items.Count);

                public ValueTask<Guid> Reserve(Guid id, Priority priority, Priority? fallback, DateTimeOffset at, TimeSpan hold) => new(id);

                public Task<int> Count() => Task.FromResult(7);

                public Task Wait(string reason, CancellationToken cancellationToken) => Task.CompletedTask;
            }
        }
        """;
}
