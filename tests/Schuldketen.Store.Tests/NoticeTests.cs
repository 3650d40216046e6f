using Schuldketen.Contracts;
using Schuldketen.Workflows.Relays.Notices;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Residents;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

public class NoticeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_resident_hears_once_of_each_new_phase_their_task_and_a_deadline_an_organisation_let_pass(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        // The crisis check (3 working days) was due on Thursday 5 March and is done a day late.
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await new TimerPoller(harness.Store, Hub).FireDueAsync());
        await harness.Store.ApplyAsync(Event("trj-1", EventTypes.CrisisCheckCompleted, Monday.AddDays(4), guard: "geen-crisis"));

        var notices = new NoticeStore(harness.Store);
        var sent = new List<(string Subject, ResidentNotice Notice)>();
        var relay = new NoticeRelay(notices, harness.Engine.Library, new RecordingNotifier(sent));
        Assert.Equal(3, await relay.RunOnceAsync(500, CancellationToken.None));
        Assert.Equal(0, await relay.RunOnceAsync(500, CancellationToken.None));

        Assert.All(sent, notice => Assert.Equal("hash-trj-1", notice.Subject));
        Assert.Equal([(1L, NoticeKind.NewPhase), (2L, NoticeKind.DeadlinePassed), (3L, NoticeKind.NewPhase), (3L, NoticeKind.Task)],
            sent.Select(notice => (notice.Notice.Sequence, notice.Notice.Kind)));
        Assert.StartsWith("Uw traject is bij een nieuwe stap: Eerste gesprek.", sent[2].Notice.Text, StringComparison.Ordinal);
        Assert.StartsWith("De termijn \"Crisis aanpakken of uitsluiten\" is voorbij. De gemeente", sent[1].Notice.Text, StringComparison.Ordinal);

        // The portal's inbox keeps each notice once, however often it is handed over.
        foreach (var (subject, notice) in sent.Concat(sent))
        {
            await notices.KeepAsync(subject, notice, CancellationToken.None);
        }

        Assert.Equal(4, (await notices.InboxAsync("hash-trj-1", CancellationToken.None)).Count);
        Assert.Empty(await notices.InboxAsync("hash-trj-2", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Residents_hear_of_what_is_recorded_after_the_relay_moved_on_and_nothing_twice(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var sent = new List<(string Subject, ResidentNotice Notice)>();
        var relay = new NoticeRelay(new NoticeStore(harness.Store), harness.Engine.Library, new RecordingNotifier(sent));
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        Assert.Equal(1, await relay.RunOnceAsync(500, CancellationToken.None));

        // Well past the window a late commit may land in, so the relay's cursor moves beyond the first registration.
        harness.Clock.Advance(NoticeStore.LateCommit * 3);
        Assert.Equal(0, await relay.RunOnceAsync(500, CancellationToken.None));
        await harness.Store.ApplyAsync(Registration("trj-2", Monday));
        Assert.Equal(1, await relay.RunOnceAsync(2, CancellationToken.None));
        harness.Clock.Advance(NoticeStore.LateCommit * 3);
        Assert.Equal(0, await relay.RunOnceAsync(500, CancellationToken.None));

        Assert.Equal([("hash-trj-1", "trj-1"), ("hash-trj-2", "trj-2")], sent.Select(notice => (notice.Subject, notice.Notice.TrajectoryId)));
    }

    private sealed class RecordingNotifier(List<(string, ResidentNotice)> sent) : INotifier
    {
        public Task NotifyAsync(string subjectHash, ResidentNotice notice, CancellationToken cancellationToken)
        {
            sent.Add((subjectHash, notice));
            return Task.CompletedTask;
        }
    }
}
