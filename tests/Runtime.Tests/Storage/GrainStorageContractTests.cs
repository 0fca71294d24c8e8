using MindPeeker.Runtime.Storage;

namespace MindPeeker.Runtime.Tests.Storage;

/// <summary>
/// What every <see cref="IGrainStorage"/> must do, written once and run against each store by a
/// derived class, like Orleans.Persistence.TestKit. Each test uses fresh grain ids, so a store may be shared.
/// </summary>
public abstract class GrainStorageContractTests
{
    private const string StateName = "cart";

    protected abstract IGrainStorage Storage { get; }

    [Fact]
    public async Task Read_of_a_missing_record_gives_fresh_state_no_etag_and_no_record()
    {
        var state = new GrainState<CartState>(new CartState { Owner = "stale" }) { ETag = "42", RecordExists = true };

        await Storage.ReadStateAsync(StateName, NewGrainId(), state);

        state.State.Should().BeEquivalentTo(new CartState());
        state.ETag.Should().BeNull();
        state.RecordExists.Should().BeFalse();
    }

    [Fact]
    public async Task Write_then_read_round_trips_lists_and_nested_objects()
    {
        var grain = NewGrainId();
        var written = new GrainState<CartState>(SampleCart());

        await Storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync<CartState>(grain);

        read.State.Should().BeEquivalentTo(SampleCart());
        read.RecordExists.Should().BeTrue();
        read.ETag.Should().NotBeNull().And.Be(written.ETag);
        written.RecordExists.Should().BeTrue();
    }

    [Fact]
    public async Task Each_write_advances_the_etag()
    {
        var grain = NewGrainId();
        var state = new GrainState<CartState>(SampleCart());
        var etags = new List<string?>();

        for (var i = 0; i < 3; i++)
        {
            state.State.Lines.Add(new CartLine($"sku-{i}", i, 1m));
            await Storage.WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        etags.Should().OnlyHaveUniqueItems().And.NotContainNulls();
        var read = await ReadAsync<CartState>(grain);
        read.ETag.Should().Be(etags[^1]);
        read.State.Lines.Should().HaveCount(5);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_throws_and_leaves_storage_unchanged()
    {
        var grain = NewGrainId();
        var first = new GrainState<CartState>(SampleCart());
        await Storage.WriteStateAsync(StateName, grain, first);
        var stale = await ReadAsync<CartState>(grain);
        first.State.Owner = "winner";
        await Storage.WriteStateAsync(StateName, grain, first);

        stale.State.Owner = "loser";
        var write = () => Storage.WriteStateAsync(StateName, grain, stale);

        var thrown = await write.Should().ThrowAsync<InconsistentStateException>();
        thrown.Which.StoredEtag.Should().Be(first.ETag);
        thrown.Which.CurrentEtag.Should().NotBeNull().And.NotBe(first.ETag);
        var read = await ReadAsync<CartState>(grain);
        read.State.Owner.Should().Be("winner");
        read.ETag.Should().Be(first.ETag);
    }

    [Fact]
    public async Task Write_with_a_null_etag_over_an_existing_record_throws()
    {
        var grain = NewGrainId();
        var existing = new GrainState<CartState>(SampleCart());
        await Storage.WriteStateAsync(StateName, grain, existing);

        var blind = new GrainState<CartState>(new CartState { Owner = "blind" });
        var write = () => Storage.WriteStateAsync(StateName, grain, blind);

        (await write.Should().ThrowAsync<InconsistentStateException>()).Which.StoredEtag.Should().Be(existing.ETag);
        (await ReadAsync<CartState>(grain)).State.Should().BeEquivalentTo(SampleCart());
    }

    [Theory]
    [InlineData("not-a-version")]
    [InlineData("999")]
    [InlineData("01")]
    public async Task Write_with_an_etag_storage_never_issued_throws(string etag)
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync(StateName, grain, new GrainState<CartState>(SampleCart()));

        var forged = new GrainState<CartState>(new CartState { Owner = "forged" }) { ETag = etag };
        var write = () => Storage.WriteStateAsync(StateName, grain, forged);

        await write.Should().ThrowAsync<InconsistentStateException>();
        (await ReadAsync<CartState>(grain)).State.Owner.Should().Be(SampleCart().Owner);
    }

    [Fact]
    public async Task Write_with_an_etag_to_a_missing_record_throws()
    {
        var grain = NewGrainId();
        var state = new GrainState<CartState>(SampleCart()) { ETag = "1" };

        var write = () => Storage.WriteStateAsync(StateName, grain, state);

        (await write.Should().ThrowAsync<InconsistentStateException>()).Which.StoredEtag.Should().BeNull();
        (await ReadAsync<CartState>(grain)).RecordExists.Should().BeFalse();
    }

    [Fact]
    public async Task Clear_makes_the_record_absent_with_fresh_state_and_a_new_etag()
    {
        var grain = NewGrainId();
        var state = new GrainState<CartState>(SampleCart());
        await Storage.WriteStateAsync(StateName, grain, state);
        var writtenEtag = state.ETag;

        await Storage.ClearStateAsync(StateName, grain, state);

        state.RecordExists.Should().BeFalse();
        state.State.Should().BeEquivalentTo(new CartState());
        state.ETag.Should().NotBeNull().And.NotBe(writtenEtag);
        var read = await ReadAsync<CartState>(grain);
        read.RecordExists.Should().BeFalse();
        read.State.Should().BeEquivalentTo(new CartState());
        read.ETag.Should().Be(state.ETag);
    }

    [Fact]
    public async Task Write_after_clear_succeeds_with_the_post_clear_etag()
    {
        var grain = NewGrainId();
        var state = new GrainState<CartState>(SampleCart());
        await Storage.WriteStateAsync(StateName, grain, state);
        await Storage.ClearStateAsync(StateName, grain, state);

        state.State.Owner = "after clear";
        await Storage.WriteStateAsync(StateName, grain, state);
        var reader = await ReadAsync<CartState>(grain);
        reader.State.Owner = "another reader";
        await Storage.WriteStateAsync(StateName, grain, reader);

        var read = await ReadAsync<CartState>(grain);
        read.RecordExists.Should().BeTrue();
        read.State.Owner.Should().Be("another reader");
        read.ETag.Should().Be(reader.ETag);
    }

    [Fact]
    public async Task Write_with_a_null_etag_over_a_cleared_record_throws()
    {
        var grain = NewGrainId();
        var state = new GrainState<CartState>(SampleCart());
        await Storage.WriteStateAsync(StateName, grain, state);
        await Storage.ClearStateAsync(StateName, grain, state);

        var blind = new GrainState<CartState>(new CartState { Owner = "blind" });
        var write = () => Storage.WriteStateAsync(StateName, grain, blind);

        (await write.Should().ThrowAsync<InconsistentStateException>()).Which.StoredEtag.Should().Be(state.ETag);
        (await ReadAsync<CartState>(grain)).RecordExists.Should().BeFalse();
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_throws_and_leaves_storage_unchanged()
    {
        var grain = NewGrainId();
        var state = new GrainState<CartState>(SampleCart());
        await Storage.WriteStateAsync(StateName, grain, state);
        var stale = await ReadAsync<CartState>(grain);
        state.State.Owner = "winner";
        await Storage.WriteStateAsync(StateName, grain, state);

        var clear = () => Storage.ClearStateAsync(StateName, grain, stale);

        (await clear.Should().ThrowAsync<InconsistentStateException>()).Which.StoredEtag.Should().Be(state.ETag);
        var read = await ReadAsync<CartState>(grain);
        read.RecordExists.Should().BeTrue();
        read.State.Owner.Should().Be("winner");
        read.ETag.Should().Be(state.ETag);
    }

    [Fact]
    public async Task Clear_with_a_null_etag_over_an_existing_record_throws()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync(StateName, grain, new GrainState<CartState>(SampleCart()));

        var clear = () => Storage.ClearStateAsync(StateName, grain, new GrainState<CartState>());

        await clear.Should().ThrowAsync<InconsistentStateException>();
        (await ReadAsync<CartState>(grain)).RecordExists.Should().BeTrue();
    }

    [Fact]
    public async Task Clear_of_a_record_never_written_is_a_no_op()
    {
        var grain = NewGrainId();
        var state = new GrainState<CartState>(SampleCart());

        await Storage.ClearStateAsync(StateName, grain, state);

        state.ETag.Should().BeNull();
        state.RecordExists.Should().BeFalse();
        state.State.Should().BeEquivalentTo(new CartState());
        (await ReadAsync<CartState>(grain)).ETag.Should().BeNull();
        await Storage.WriteStateAsync(StateName, grain, new GrainState<CartState>(SampleCart()));
    }

    [Fact]
    public async Task Of_two_writers_racing_with_the_same_etag_exactly_one_wins()
    {
        for (var round = 0; round < 50; round++)
        {
            var grain = NewGrainId();
            await Storage.WriteStateAsync(StateName, grain, new GrainState<CartState>(SampleCart()));
            var left = await ReadAsync<CartState>(grain);
            var right = await ReadAsync<CartState>(grain);
            left.State.Owner = "left";
            right.State.Owner = "right";

            var outcomes = await Task.WhenAll(TryWriteAsync(grain, left), TryWriteAsync(grain, right));

            outcomes.Count(won => won).Should().Be(1, "round {0} must have one winner", round);
            var winner = outcomes[0] ? left : right;
            var read = await ReadAsync<CartState>(grain);
            read.State.Owner.Should().Be(winner.State.Owner);
            read.ETag.Should().Be(winner.ETag);
        }
    }

    [Fact]
    public async Task Of_two_first_writers_racing_without_an_etag_exactly_one_wins()
    {
        for (var round = 0; round < 50; round++)
        {
            var grain = NewGrainId();
            var left = new GrainState<CartState>(new CartState { Owner = "left" });
            var right = new GrainState<CartState>(new CartState { Owner = "right" });

            var outcomes = await Task.WhenAll(TryWriteAsync(grain, left), TryWriteAsync(grain, right));

            outcomes.Count(won => won).Should().Be(1, "round {0} must have one winner", round);
            (await ReadAsync<CartState>(grain)).State.Owner.Should().Be(outcomes[0] ? "left" : "right");
        }
    }

    [Fact]
    public async Task Mutating_state_objects_after_a_write_or_read_does_not_change_storage()
    {
        var grain = NewGrainId();
        var state = new GrainState<CartState>(SampleCart());
        await Storage.WriteStateAsync(StateName, grain, state);

        state.State.Owner = "mutated";
        state.State.Lines.Clear();
        state.State.ShipTo!.Notes.Add("mutated");
        var firstRead = await ReadAsync<CartState>(grain);
        firstRead.State.Lines.Add(new CartLine("mutated", 1, 1m));

        (await ReadAsync<CartState>(grain)).State.Should().BeEquivalentTo(SampleCart());
    }

    [Fact]
    public async Task Different_state_names_of_one_grain_are_independent()
    {
        var grain = NewGrainId();
        var cart = new GrainState<CartState>(SampleCart());
        var wishlist = new GrainState<CartState>(new CartState { Owner = "wishlist" });
        await Storage.WriteStateAsync("cart", grain, cart);
        await Storage.WriteStateAsync("wishlist", grain, wishlist);
        wishlist.State.Owner = "wishlist 2";
        await Storage.WriteStateAsync("wishlist", grain, wishlist);

        await Storage.ClearStateAsync("wishlist", grain, wishlist);

        var read = new GrainState<CartState>();
        await Storage.ReadStateAsync("cart", grain, read);
        read.State.Should().BeEquivalentTo(SampleCart());
        read.ETag.Should().Be(cart.ETag);
        await Storage.ReadStateAsync("wishlist", grain, read);
        read.RecordExists.Should().BeFalse();
    }

    [Fact]
    public async Task Different_grain_types_and_keys_are_independent()
    {
        var key = Guid.NewGuid().ToString("N");
        var grains = new[]
        {
            GrainId.Create("cart", key),
            GrainId.Create("order", key),
            GrainId.Create("cart", key + "x"),
            GrainId.Create("cart/a", key),
            GrainId.Create("cart", "a/" + key),
        };

        foreach (var grain in grains)
        {
            await Storage.WriteStateAsync(StateName, grain, new GrainState<CartState>(new CartState { Owner = grain.ToString() }));
        }

        foreach (var grain in grains)
        {
            var read = await ReadAsync<CartState>(grain);
            read.State.Owner.Should().Be(grain.ToString());
            read.ETag.Should().Be("1", "each record was written once");
        }
    }

    [Fact]
    public async Task Scalar_and_text_states_round_trip()
    {
        var grain = NewGrainId();
        var counter = new GrainState<int>(42);
        var text = new GrainState<string>("quotes \" back\\slash ünïcødé 🧠 <tag> & \n newline");
        await Storage.WriteStateAsync("counter", grain, counter);
        await Storage.WriteStateAsync("text", grain, text);

        var readCounter = new GrainState<int>();
        var readText = new GrainState<string>("placeholder");
        await Storage.ReadStateAsync("counter", grain, readCounter);
        await Storage.ReadStateAsync("text", grain, readText);

        readCounter.State.Should().Be(42);
        readText.State.Should().Be(text.State);
    }

    [Fact]
    public async Task Polymorphic_states_round_trip_even_when_storage_reorders_json_keys()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync("payment", grain, new GrainState<Payment>(new InvoicePayment(30, "PO-7")));

        var read = new GrainState<Payment>();
        await Storage.ReadStateAsync("payment", grain, read);

        read.State.Should().Be(new InvoicePayment(30, "PO-7"));
    }

    protected static GrainId NewGrainId(string type = "cart") => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    private async Task<GrainState<T>> ReadAsync<T>(GrainId grain)
    {
        var state = new GrainState<T>();
        await Storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private async Task<bool> TryWriteAsync(GrainId grain, GrainState<CartState> state)
    {
        try
        {
            // Task.Run, so even a store that completes synchronously sees both writes in parallel.
            await Task.Run(() => Storage.WriteStateAsync(StateName, grain, state));
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private static CartState SampleCart() => new()
    {
        Owner = "ada",
        Lines = [new CartLine("book", 2, 12.50m), new CartLine("pen", 1, 0.99m)],
        ShipTo = new Address("1 Main St", "Springfield", ["ring twice", "leave at door"]),
    };
}
