using Schuldketen.Contracts;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

public class ApplyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registration_writes_trajectory_history_timers_outbox_and_audit_together(string provider)
    {
        await using var harness = new StoreHarness(provider);

        var result = await harness.Store.ApplyAsync(Registration("trj-1", Monday));

        Assert.Equal(new ApplyResult(ApplyStatus.Accepted, "trj-1", "aanmelding", 1), result);
        var trajectory = await harness.Store.FindAsync("trj-1");
        Assert.Equal((Standard, "aanmelding", 1L, 1L, "hash-trj-1"), (trajectory!.Definition, trajectory.Phase, trajectory.Version, trajectory.Sequence, trajectory.SubjectHash));
        // 3 working days for a crisis (Thursday 5 March), 4 weeks for the first conversation (Monday 30 March).
        Assert.Equal(
            [("crisis", new DateOnly(2026, 3, 5)), ("eerste-gesprek", new DateOnly(2026, 3, 30))],
            (await harness.Store.TimersAsync("trj-1")).Select(timer => (timer.DeadlineId, timer.DueOn)));
        Assert.Equal(new TableCounts(1, 1, 1, 2, 1, 1), await harness.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_moves_the_trajectory_and_its_clocks(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));

        var result = await harness.Store.ApplyAsync(Event("trj-1", EventTypes.CrisisCheckCompleted, Monday.AddHours(3), guard: Guards.NoCrisis));

        Assert.Equal((ApplyStatus.Accepted, "eerste-gesprek", 2L), (result.Status, result.Phase, result.Sequence));
        Assert.Equal(["eerste-gesprek"], (await harness.Store.TimersAsync("trj-1")).Select(timer => timer.DeadlineId));
        var history = await harness.Store.HistoryAsync("trj-1");
        Assert.Equal(
            [(1L, EventTypes.Registered, "aanmelding"), (2L, EventTypes.CrisisCheckCompleted, "eerste-gesprek")],
            history.Select(entry => (entry.Sequence, entry.EventType, entry.Phase)));
        Assert.Equal(("gemeente", "medewerker-1"), (history[1].ActorRole, history[1].ActorPerson));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_replayed_event_returns_the_first_answer_and_changes_nothing(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        var check = Event("trj-1", EventTypes.CrisisCheckCompleted, Monday.AddHours(3), eventId: "check-1", guard: Guards.NoCrisis);
        var first = await harness.Store.ApplyAsync(check);
        await harness.Store.ApplyAsync(Event("trj-1", EventTypes.FirstConversationHeld, Monday.AddDays(7)));
        var before = await harness.CountAsync();

        var again = await harness.Store.ApplyAsync(check);
        var concurrently = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => harness.Store.ApplyAsync(check)));

        Assert.Equal(first with { Replayed = true }, again);
        Assert.All(concurrently, replay => Assert.Equal(first with { Replayed = true }, replay));
        Assert.Equal(before, await harness.CountAsync());
        Assert.Equal("besluit-toegang", (await harness.Store.FindAsync("trj-1"))!.Phase);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_event_writes_nothing_and_is_not_remembered(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        var before = await harness.CountAsync();
        var early = Event("trj-1", EventTypes.FirstConversationHeld, Monday.AddDays(1), sender: CounsellorSender, eventId: "gesprek-1");

        var refused = await harness.Store.ApplyAsync(early);

        Assert.Equal((ApplyStatus.Refused, RefusalReason.NotPermittedInPhase, "aanmelding"), (refused.Status, refused.Reason, refused.Phase));
        Assert.Equal([EventTypes.DroppedOut, EventTypes.Referred], refused.PermittedEventTypes);
        Assert.Equal(before, await harness.CountAsync());

        await harness.Store.ApplyAsync(Event("trj-1", EventTypes.CrisisCheckCompleted, Monday.AddHours(3), guard: Guards.NoCrisis));
        var later = await harness.Store.ApplyAsync(early);
        Assert.Equal((ApplyStatus.Accepted, "besluit-toegang", false), (later.Status, later.Phase, later.Replayed));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unknown_and_duplicate_trajectories_are_answered_without_writing(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        var before = await harness.CountAsync();

        var unknown = await harness.Store.ApplyAsync(Event("trj-404", EventTypes.CrisisCheckCompleted, Monday, guard: Guards.Crisis));
        var duplicate = await harness.Store.ApplyAsync(Registration("trj-1", Monday, eventId: "another-registration"));

        Assert.Equal(ApplyStatus.UnknownTrajectory, unknown.Status);
        Assert.Equal(ApplyStatus.AlreadyRegistered, duplicate.Status);
        Assert.Equal(before, await harness.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Closing_a_trajectory_stops_every_clock(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));

        var closed = await harness.Store.ApplyAsync(Event("trj-1", EventTypes.DroppedOut, Monday.AddDays(2), outcome: "uitval"));

        Assert.Equal(("afgesloten", "uitval"), (closed.Phase, closed.Outcome));
        Assert.Empty(await harness.Store.TimersAsync("trj-1"));
        Assert.Equal("uitval", (await harness.Store.FindAsync("trj-1"))!.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Many_trajectories_at_once_share_commits_and_each_keeps_its_own_order(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var ids = Enumerable.Range(0, 200).Select(i => $"trj-{i}").ToList();

        await Task.WhenAll(ids.Select(async id =>
        {
            await harness.Store.ApplyAsync(Registration(id, Monday));
            await harness.Store.ApplyAsync(Event(id, EventTypes.CrisisCheckCompleted, Monday.AddHours(1), guard: Guards.NoCrisis));
            await harness.Store.ApplyAsync(Event(id, EventTypes.FirstConversationHeld, Monday.AddDays(3)));
        }));

        Assert.Equal(new TableCounts(200, 600, 600, 200, 600, 600), await harness.CountAsync());
        foreach (var id in ids.Take(10))
        {
            Assert.Equal(
                [EventTypes.Registered, EventTypes.CrisisCheckCompleted, EventTypes.FirstConversationHeld],
                (await harness.Store.HistoryAsync(id)).Select(entry => entry.EventType));
        }
    }
}
