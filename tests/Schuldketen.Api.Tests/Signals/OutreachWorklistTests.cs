using System.Text.Json.Nodes;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Outreach;
using Schuldketen.Workflows.Store.Signals;
using static Schuldketen.Api.Tests.Signals.SignalHub;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests.Signals;

/// <summary>
/// The municipality's outreach worklist: open cases only, crisis first, then the oldest, then the largest amount, a bounded
/// page at a time, with the contact attempts so far and the phone number and address from the signal; each case shown audited.
/// The counsellor's view of the signals linked to a resident's open trajectory.
/// </summary>
public class OutreachWorklistTests
{
    private static readonly Sender Staff = new(Municipality, PartnerRole.Municipality, "medewerker-1");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Open_cases_come_crisis_first_then_oldest_then_largest_with_attempts_and_how_to_reach_the_resident(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var gemeente = Gemeente(hub);
        await ImportAsync(hub, gemeente, Csv(CsvRow("old-small", "10", amount: 100), CsvRow("old-large", "14", amount: 900, phone: "06-22223333")));
        await ImportAsync(hub, gemeente, Csv(CsvRow("crisis", "16", amount: 50, crisis: true)));
        await ImportAsync(hub, gemeente, Csv(CsvRow("newest", "18", amount: 5000)));
        await ImportAsync(hub, gemeente, Csv(CsvRow("closed", "20", amount: 7000, crisis: true)));
        var caseOf = (await SignalsAsync(hub)).Select(signal => signal.CaseId!).ToList();
        var (oldSmall, oldLarge, crisis, newest, closed) = (caseOf[0], caseOf[1], caseOf[2], caseOf[3], caseOf[4]);
        await PartnerApi.SendAsync(gemeente, Municipality, EventTypes.ContactAttempted, oldLarge,
            new JsonObject { ["soort"] = "Brief", ["bereikt"] = false, ["datum"] = "2026-03-03" });
        await PartnerApi.SendAsync(gemeente, Municipality, EventTypes.ContactAttempted, oldLarge,
            new JsonObject { ["soort"] = "Telefoon", ["bereikt"] = true, ["datum"] = "2026-03-04" });
        await PartnerApi.SendAsync(gemeente, Municipality, EventTypes.OutreachClosed, closed, new JsonObject { ["eindresultaat"] = "Definitief geen contact kunnen krijgen" });
        var worklist = hub.Service<OutreachWorklist>();

        var all = await worklist.PageAsync(Staff, 1, 25, null, CancellationToken.None);
        var first = await worklist.PageAsync(Staff, 1, 2, null, CancellationToken.None);
        var second = await worklist.PageAsync(Staff, 2, 2, null, CancellationToken.None);
        var other = await worklist.PageAsync(Staff with { Organisation = OtherMunicipality }, 1, 25, null, CancellationToken.None);

        Assert.Equal([crisis, oldLarge, oldSmall, newest], all.Cases.Select(outreach => outreach.Id));
        Assert.Equal([crisis, oldLarge], first.Cases.Select(outreach => outreach.Id));
        Assert.True(first.HasMore);
        Assert.Equal([oldSmall, newest], second.Cases.Select(outreach => outreach.Id));
        Assert.False(second.HasMore);
        Assert.Empty(other.Cases);
        var large = all.Cases[1];
        Assert.Equal((false, 900L), (large.Crisis, large.Amount));
        Assert.Equal([("Brief", false, new DateOnly(2026, 3, 3)), ("Telefoon", true, new DateOnly(2026, 3, 4))],
            large.Attempts.Select(attempt => (EnumWireNames.Of(attempt.Kind), attempt.Reached, attempt.Date)));
        Assert.Equal("06-22223333", large.Contact?.Phone);
        Assert.StartsWith("Kerkstraat 14, 3511", large.Contact?.Address, StringComparison.Ordinal);
        Assert.EndsWith("Utrecht", large.Contact?.Address, StringComparison.Ordinal);
        Assert.True(all.Cases[0].Crisis);
        Assert.Empty(all.Cases[0].Attempts);
        Assert.Equal(2, (await hub.Store.AuditOfTrajectoryAsync(oldLarge)).Count(entry => entry.Activity == OutreachWorklist.Activity && entry.ActorPerson == "medewerker-1"));
        Assert.DoesNotContain(await hub.Store.AuditOfTrajectoryAsync(closed), entry => entry.Activity == OutreachWorklist.Activity);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_counsellor_sees_the_signals_linked_to_a_residents_open_trajectory(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var gemeente = Gemeente(hub);
        using var registered = await gemeente.PostAsync("/api/v1/trajectories", Json(new { bsn = "111222333" }));
        var trajectory = System.Text.Json.JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        await ImportAsync(hub, gemeente, Csv(
            CsvRow("l-1", "12", amount: 640, bsn: "111222333"),
            CsvRow("l-2", "12", amount: 75, crisis: true, bsn: "111222333", partner: "Energie,Stroom en Zo", signalled: "2026-02-25"),
            CsvRow("l-3", "30", amount: 300, bsn: "123456782")));

        Assert.Equal(
            [new LinkedSignal("Energie", "Stroom en Zo", 75, new DateOnly(2026, 2, 25), true), new LinkedSignal("Huur", LandlordName, 640, new DateOnly(2026, 2, 20), false)],
            await hub.Service<TrajectorySignals>().OfAsync(trajectory, CancellationToken.None));
    }

    private static string CsvRow(string id, string number, int amount, bool crisis = false, string phone = "06-12345678", string bsn = "",
        string partner = $"Huur,{LandlordName}", string signalled = "2026-02-20") =>
        $"{id},{(crisis ? "true" : "false")},false,{amount},2026-01-05,{signalled},{partner},{bsn},P.,Jansen,1980-04-01,Kerkstraat,3511 AB,{number},,Utrecht,{phone},p.jansen@example.nl";
}
