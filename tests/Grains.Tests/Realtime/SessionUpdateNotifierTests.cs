using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Realtime;
using MindPeeker.Runtime.Hosting;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Realtime;

public sealed class SessionUpdateNotifierTests : IAsyncDisposable
{
    /// <summary>Bounds every wait, so a broken notifier fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();
    private TestSilo? _silo;

    /// <summary>With no explicit count a stateless worker pool grows to one worker per core.</summary>
    private static int Workers => Environment.ProcessorCount;

    [Fact]
    public async Task A_lone_update_is_delivered_at_once_without_waiting_for_the_flush_timer()
    {
        var notifier = await StartAsync(_time);
        var observer = Observe(new RecordingObserver());
        var update = Update(Guid.NewGuid(), 1);

        await notifier.Publish(update).WaitAsync(Patience);

        observer.Batches.Should().ContainSingle().Which.Should().Equal(update);
    }

    [Fact]
    public async Task Every_registered_observer_gets_the_batch_and_a_failing_one_fails_neither_the_publish_nor_the_others()
    {
        var notifier = await StartAsync(_time);
        var failing = Observe(new FailingObserver());
        var first = Observe(new RecordingObserver());
        var second = Observe(new RecordingObserver());
        var update = Update(Guid.NewGuid(), 1);

        await notifier.Publish(update).WaitAsync(Patience);

        failing.Attempts.Should().Be(1);
        first.Updates.Should().Equal(update);
        second.Updates.Should().Equal(update);
    }

    [Fact]
    public async Task An_observer_whose_registration_was_disposed_gets_nothing_more()
    {
        var notifier = await StartAsync(_time);
        var staying = new RecordingObserver();
        var leaving = new RecordingObserver();
        Observe(staying);
        var registration = await ObserveAsync(leaving);
        var session = Guid.NewGuid();

        await notifier.Publish(Update(session, 1)).WaitAsync(Patience);
        await HubList.Unregister(registration);
        await notifier.Publish(Update(session, 2)).WaitAsync(Patience);

        staying.Updates.Select(u => u.Sequence).Should().Equal(1, 2);
        leaving.Updates.Select(u => u.Sequence).Should().Equal(1);
    }

    [Fact]
    public async Task Updates_that_arrive_while_every_worker_is_delivering_leave_together_as_soon_as_it_ends()
    {
        var notifier = await StartAsync(_time);
        var observer = Observe(new RecordingObserver());
        observer.Hold();
        var running = Enumerable.Range(0, Workers).Select(_ => notifier.Publish(Update(Guid.NewGuid(), 1))).ToList();
        await observer.CalledAtLeast(Workers).WaitAsync(Patience);

        var waiting = Enumerable.Range(0, Workers * 3).Select(_ => notifier.Publish(Update(Guid.NewGuid(), 1))).ToList();
        observer.Release();

        // The silo's clock never moves in this test: nothing waits for a timer.
        await Task.WhenAll(running.Concat(waiting)).WaitAsync(Patience);
        observer.Updates.Should().HaveCount(Workers * 4);
        observer.Batches.Skip(Workers).Should().HaveCountLessThan(Workers * 3, "updates that gathered during a delivery share the next batch");
    }

    [Fact]
    public async Task Queued_updates_leave_in_batches_of_at_most_the_configured_size()
    {
        var notifier = await StartAsync(_time, ("Realtime:Notifier:MaxBatchSize", "2"));
        var observer = Observe(new RecordingObserver());
        observer.Hold();
        var running = Enumerable.Range(0, Workers).Select(_ => notifier.Publish(Update(Guid.NewGuid(), 1))).ToList();
        await observer.CalledAtLeast(Workers).WaitAsync(Patience);

        var queued = Enumerable.Range(0, Workers * 5).Select(_ => notifier.Publish(Update(Guid.NewGuid(), 1))).ToList();
        observer.Release();
        await Task.WhenAll(running.Concat(queued)).WaitAsync(Patience);

        observer.Updates.Should().HaveCount(Workers * 6);
        observer.Batches.Should().OnlyContain(b => b.Count <= 2).And.Contain(b => b.Count == 2);
    }

    [Fact]
    public async Task A_burst_from_many_sessions_is_batched_within_the_limit_and_every_session_keeps_its_order()
    {
        const int sessions = 100;
        const int updatesPerSession = 10;
        var notifier = await StartAsync(_time, ("Realtime:Notifier:MaxBatchSize", "10"));
        var observer = Observe(new RecordingObserver());
        observer.Hold();

        // Each loop is a session grain: it publishes its next update once the previous one was delivered.
        var ids = Enumerable.Range(0, sessions).Select(_ => Guid.NewGuid()).ToList();
        var publishers = ids.Select(async id =>
        {
            for (var sequence = 1; sequence <= updatesPerSession; sequence++)
            {
                await notifier.Publish(Update(id, sequence)).WaitAsync(Patience);
            }
        }).ToList();
        await observer.CalledAtLeast(1).WaitAsync(Patience);
        observer.Release();
        await Task.WhenAll(publishers).WaitAsync(Patience);

        var batches = observer.Batches;
        batches.Should().OnlyContain(b => b.Count <= 10);
        batches.Should().HaveCountLessThan(sessions * updatesPerSession, "updates that gathered during a flush share a batch");
        var received = observer.Updates.GroupBy(u => u.SessionId).ToDictionary(g => g.Key, g => g.Select(u => u.Sequence).ToList());
        received.Keys.Should().BeEquivalentTo(ids);
        received.Values.Should().OnlyContain(sequences => sequences.SequenceEqual(Enumerable.Range(1, updatesPerSession).Select(i => (long)i)));
    }

    [Fact]
    public async Task A_batch_size_of_zero_stops_the_silo_from_starting()
    {
        var start = () => StartAsync(_time, ("Realtime:Notifier:MaxBatchSize", "0"));

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("MaxBatchSize");
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    private static SessionUpdate Update(Guid sessionId, long sequence) =>
        new(sessionId, Guid.Empty, sequence, SessionEvents.Started, SessionStatus.Processing, (int)sequence, 0, null, DateTimeOffset.UnixEpoch);

    private async Task<ISessionUpdateNotifierGrain> StartAsync(TimeProvider time, params (string Key, string Value)[] settings)
    {
        _silo = await TestSilo.StartAsync(
            silo => silo.AddGrains(typeof(GrainsAssembly).Assembly).AddMemoryGrainStorage().AddSessionUpdateNotifier(),
            time,
            settings.Append((Key: "Realtime:Notifier:ObserverListRefresh", Value: "00:00:00")).ToDictionary(s => s.Key, string? (s) => s.Value));
        return _silo.GrainFactory.GetGrain<ISessionUpdateNotifierGrain>(0);
    }

    private ISessionUpdateHubListGrain HubList => _silo!.GrainFactory.GetGrain<ISessionUpdateHubListGrain>(0);

    private T Observe<T>(T observer)
        where T : ISessionUpdateObserver
    {
        ObserveAsync(observer).GetAwaiter().GetResult();
        return observer;
    }

    /// <summary>Registers <paramref name="observer"/> with the hub list as a front end does, through an object reference.</summary>
    private async Task<ISessionUpdateObserver> ObserveAsync(ISessionUpdateObserver observer)
    {
        var reference = _silo!.GrainFactory.CreateObjectReference<ISessionUpdateObserver>(observer);
        await HubList.Register(reference).WaitAsync(Patience);
        return reference;
    }
}
