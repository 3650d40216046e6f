using Schuldketen.Contracts;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

public class TimerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_due_timer_fires_exactly_once_with_two_pollers(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var ids = Enumerable.Range(0, 20).Select(i => $"trj-{i}").ToList();
        await Task.WhenAll(ids.Select(id => harness.Store.ApplyAsync(Registration(id, Monday))));
        var pollers = new[] { new TimerPoller(harness.Store, Hub), new TimerPoller(harness.OpenAnother(), Hub) };

        Assert.Equal(0, await pollers[0].FireDueAsync());
        // The crisis clock runs to Thursday 5 March and has passed at midnight.
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 23, 0, 0, TimeSpan.Zero));
        var applied = await Task.WhenAll(pollers.Select(poller => poller.FireDueAsync(limit: 5)).Concat(pollers.Select(poller => poller.FireDueAsync(limit: 50))));

        Assert.Equal(ids.Count, applied.Sum());
        foreach (var id in ids)
        {
            var passed = (await harness.Store.HistoryAsync(id)).Where(entry => entry.EventType == EventTypes.DeadlinePassed).ToList();
            var entry = Assert.Single(passed);
            Assert.Equal(("aanmelding", "hub", Hub.Source), (entry.Phase, entry.ActorRole, entry.Source));
            Assert.Contains("\"termijn\":\"crisis\"", entry.Data);
            // The passed crisis deadline stays, marked as fired, until the trajectory moves past it.
            Assert.Equal([("crisis", true), ("eerste-gesprek", false)], (await harness.Store.TimersAsync(id)).Select(timer => (timer.DeadlineId, timer.Fired)));
        }

        Assert.Equal(0, await pollers[1].FireDueAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_expired_objection_period_closes_the_trajectory_as_refused(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        await harness.Store.ApplyAsync(Event("trj-1", EventTypes.CrisisCheckCompleted, Monday, guard: Guards.NoCrisis));
        await harness.Store.ApplyAsync(Event("trj-1", EventTypes.FirstConversationHeld, Monday.AddDays(7)));
        await harness.Store.ApplyAsync(Event("trj-1", EventTypes.AccessRefused, Monday.AddDays(14)));
        var objection = Assert.Single(await harness.Store.TimersAsync("trj-1"));
        // Refused on Monday 16 March: 6 weeks runs to Monday 27 April, King's Day, so on to Tuesday 28 April (Atw art. 1).
        Assert.Equal(("bezwaartermijn", new DateOnly(2026, 4, 28)), (objection.DeadlineId, objection.DueOn));

        // It passes at midnight Dutch summer time, 22:00 UTC.
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 28, 21, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await new TimerPoller(harness.Store, Hub).FireDueAsync());
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 28, 22, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await new TimerPoller(harness.Store, Hub).FireDueAsync());

        var trajectory = await harness.Store.FindAsync("trj-1");
        Assert.Equal(("afgesloten", "geweigerd"), (trajectory!.Phase, trajectory.Outcome));
        Assert.Empty(await harness.Store.TimersAsync("trj-1"));
    }
}
