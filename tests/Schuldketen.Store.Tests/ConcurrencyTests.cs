using Schuldketen.Contracts;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

public class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Eight_writers_on_one_trajectory_lose_no_update_and_keep_their_order(string provider)
    {
        const int writers = 8;
        const int eventsPerWriter = 25;
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        await harness.Store.ApplyAsync(Event("trj-1", EventTypes.CrisisCheckCompleted, Monday, guard: Guards.NoCrisis));
        await harness.Store.ApplyAsync(Event("trj-1", EventTypes.FirstConversationHeld, Monday));
        await harness.Store.ApplyAsync(Event("trj-1", EventTypes.AccessGranted, Monday));
        var court = new Sender("00000001001111111000", PartnerRole.Court);
        await harness.Store.ApplyAsync(Link("trj-1", court.Organisation, PartnerRole.Court));

        // Each writer is its own store, as a separate host process would be; each sends its events one after another.
        var stores = Enumerable.Range(0, writers).Select(_ => harness.OpenAnother()).ToList();
        await Task.WhenAll(stores.Select((store, writer) => Task.Run(async () =>
        {
            for (var i = 0; i < eventsPerWriter; i++)
            {
                var result = await store.ApplyAsync(Event("trj-1", EventTypes.ProtectiveAdministrationOrdered, Monday.AddDays(1), court, $"w{writer}-{i:D3}"));
                Assert.Equal(ApplyStatus.Accepted, result.Status);
            }
        })));

        var history = await harness.Store.HistoryAsync("trj-1");
        var trajectory = await harness.Store.FindAsync("trj-1");
        const long total = 5 + (writers * eventsPerWriter);
        Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), history.Select(entry => entry.Sequence));
        Assert.Equal((total, total, "stabilisatie"), (trajectory!.Sequence, trajectory.Version, trajectory.Phase));
        for (var writer = 0; writer < writers; writer++)
        {
            var own = history.Where(entry => entry.EventId.StartsWith($"w{writer}-", StringComparison.Ordinal)).Select(entry => entry.EventId).ToList();
            Assert.Equal(Enumerable.Range(0, eventsPerWriter).Select(i => $"w{writer}-{i:D3}"), own);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_hundred_reads_at_once_each_find_their_audit_entry_committed_when_they_return(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var reader = new Sender("00000001001234567000", PartnerRole.Municipality, "medewerker-1");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await harness.Store.RecordAsync([new AuditEntry(Monday, "traject-inzien", reader.Organisation, reader.Person, $"trj-{i:D3}", null, "geslaagd")]);
            var recorded = await harness.Store.AuditOfTrajectoryAsync($"trj-{i:D3}");
            Assert.Equal(("traject-inzien", "medewerker-1"), (Assert.Single(recorded).Activity, recorded[0].ActorPerson));
        })));
    }
}
