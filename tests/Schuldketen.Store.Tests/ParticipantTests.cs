using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

public class ParticipantTests
{
    private const string Creditor = "00000001005555555000";
    private const string OtherCounsellor = "00000001004444444000";
    private const string Gp = "00000001007777777000";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Participants_are_linked_replaced_and_decide_who_lists_what(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        await harness.Store.ApplyAsync(Registration("trj-2", Monday) with
        {
            Registration = Registration("trj-2", Monday).Registration! with { Counsellor = null },
        });

        var linked = await harness.Store.ApplyAsync(Event("trj-1", EventTypes.ParticipantLinked, Monday.AddDays(1), CounsellorSender) with
        {
            Participant = new Participant(Creditor, PartnerRole.Creditor),
        });
        var byCreditor = await harness.Store.ApplyAsync(Event("trj-1", EventTypes.ParticipantLinked, Monday.AddDays(1), new Sender(Creditor, PartnerRole.Creditor)) with
        {
            Participant = new Participant("00000001006666666000", PartnerRole.Creditor),
        });
        var reassigned = await harness.Store.ApplyAsync(Event("trj-1", EventTypes.CounsellorAssigned, Monday.AddDays(2)) with
        {
            Participant = new Participant(OtherCounsellor, PartnerRole.DebtCounsellor, "Jan Jansen"),
        });

        Assert.Equal((ApplyStatus.Accepted, "aanmelding"), (linked.Status, linked.Phase));
        Assert.Equal((ApplyStatus.Refused, RefusalReason.RoleNotPermitted), (byCreditor.Status, byCreditor.Reason));
        var outsider = await harness.Store.ApplyAsync(Event("trj-2", EventTypes.DroppedOut, Monday.AddDays(1), CounsellorSender, outcome: "uitval"));
        Assert.Equal(ApplyStatus.UnknownTrajectory, outsider.Status);
        Assert.Equal(ApplyStatus.Accepted, reassigned.Status);
        Assert.Equal(
            [(Municipality, "gemeente", null), (Creditor, "schuldeiser", null), (OtherCounsellor, "schuldhulpverlener", "Jan Jansen")],
            (await harness.Store.ParticipantsAsync("trj-1")).Select(p => (p.Organisation, p.Role, p.ContactName)).OrderBy(p => p.Organisation == Municipality ? 0 : 1).ThenBy(p => p.Role));

        Assert.Equal(2, (await harness.Store.ListAsync(new TrajectoryQuery(Municipality))).Items.Count);
        Assert.Equal(["trj-1"], (await harness.Store.ListAsync(new TrajectoryQuery(Creditor))).Items.Select(t => t.Id));
        Assert.Empty((await harness.Store.ListAsync(new TrajectoryQuery(Counsellor))).Items);
        Assert.Equal(["trj-1"], (await harness.Store.ListAsync(new TrajectoryQuery(OtherCounsellor))).Items.Select(t => t.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unlinked_organisation_no_longer_takes_part_nor_hears_the_unlinking_or_later_events(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday));
        await harness.Store.ApplyAsync(Link("trj-1", Gp, PartnerRole.GeneralPractitioner));

        var byItself = await harness.Store.ApplyAsync(Unlink("trj-1", Gp, new Sender(Gp, PartnerRole.GeneralPractitioner)));
        var unlinked = await harness.Store.ApplyAsync(Unlink("trj-1", Gp, new Sender(Hub.Oin, PartnerRole.Hub)));
        var later = await harness.Store.ApplyAsync(Event("trj-1", EventTypes.CrisisCheckCompleted, Monday.AddDays(1), guard: Guards.NoCrisis));
        var byGp = await harness.Store.ApplyAsync(Event("trj-1", EventTypes.DroppedOut, Monday.AddDays(1), new Sender(Gp, PartnerRole.GeneralPractitioner), outcome: "uitval"));

        Assert.Equal(RefusalReason.RoleNotPermitted, byItself.Reason);
        Assert.Equal((ApplyStatus.Accepted, "aanmelding"), (unlinked.Status, unlinked.Phase));
        Assert.Equal((ApplyStatus.Accepted, "eerste-gesprek"), (later.Status, later.Phase));
        Assert.Equal(ApplyStatus.UnknownTrajectory, byGp.Status);
        Assert.DoesNotContain(await harness.Store.ParticipantsAsync("trj-1"), p => p.Organisation == Gp);
        Assert.Empty((await harness.Store.ListAsync(new TrajectoryQuery(Gp))).Items);
        var history = await harness.Store.HistoryAsync("trj-1");
        Assert.Equal(
            [EventTypes.Registered, EventTypes.ParticipantLinked, EventTypes.ParticipantUnlinked, EventTypes.CrisisCheckCompleted],
            history.Select(entry => entry.EventType));
        var outbox = await OutboxAsync(harness, "trj-1");
        Assert.Contains((unlinked.Sequence, "behandelaar", $"{Municipality} {Counsellor}"), outbox);
        Assert.Contains(outbox, row => row.Sequence == later.Sequence);
        Assert.DoesNotContain(outbox, row => row.Sequence >= unlinked.Sequence && row.Recipients.Contains(Gp, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organisation_unlinked_from_one_role_stays_in_the_audience_its_other_role_gives_it(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-1", Monday) with
        {
            Registration = Registration("trj-1", Monday).Registration! with { Counsellor = new Participant(Municipality, PartnerRole.DebtCounsellor) },
        });

        var unlinked = await harness.Store.ApplyAsync(Unlink("trj-1", Municipality, MunicipalitySender, PartnerRole.DebtCounsellor));

        Assert.Equal(ApplyStatus.Accepted, unlinked.Status);
        Assert.Equal([(Municipality, "gemeente")], (await harness.Store.ParticipantsAsync("trj-1")).Select(p => (p.Organisation, p.Role)));
        Assert.Contains((unlinked.Sequence, "behandelaar", Municipality), await OutboxAsync(harness, "trj-1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lists_filter_by_phase_and_by_deadlines_due_soon_and_page(string provider)
    {
        await using var harness = new StoreHarness(provider);
        for (var i = 0; i < 25; i++)
        {
            await harness.Store.ApplyAsync(Registration($"trj-{i:D2}", Monday.AddDays(-i)));
        }

        for (var i = 0; i < 5; i++)
        {
            await harness.Store.ApplyAsync(Event($"trj-{i:D2}", EventTypes.CrisisCheckCompleted, Monday, guard: Guards.NoCrisis));
        }

        var inConversation = await harness.Store.ListAsync(new TrajectoryQuery(Municipality, Phase: "eerste-gesprek"));
        // The first five had their crisis check. Of the rest, those registered on or before Wednesday 25 February
        // (i = 5..24) have their crisis clock (3 working days) due on or before Monday 2 March.
        var dueByMonday = await harness.Store.ListAsync(new TrajectoryQuery(Municipality, DueBy: new DateOnly(2026, 3, 2)));
        var secondPage = await harness.Store.ListAsync(new TrajectoryQuery(Municipality, Page: 2, PageSize: 10) { CountAll = true });

        Assert.Equal(5, inConversation.Items.Count);
        Assert.All(inConversation.Items, t => Assert.Equal("eerste-gesprek", t.Phase));
        Assert.Equal((20, false), (dueByMonday.Items.Count, dueByMonday.HasMore));
        Assert.Equal((25L, 10), (secondPage.Total, secondPage.Items.Count));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reading_on_from_each_pages_position_lists_every_trajectory_once_newest_change_first_without_counting(string provider)
    {
        await using var harness = new StoreHarness(provider);
        for (var i = 0; i < 23; i++)
        {
            await harness.Store.ApplyAsync(Registration($"trj-{i:D2}", Monday.AddDays(-i)));
        }

        // Changed a minute later, so it leads; the others share one change instant and follow by id.
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Store.ApplyAsync(Event("trj-17", EventTypes.CrisisCheckCompleted, Monday, guard: Guards.NoCrisis));
        var numbered = await harness.Store.ListAsync(new TrajectoryQuery(Municipality, PageSize: 100) { CountAll = true });
        var read = new List<string>();
        var pages = 0;
        ListPosition? after = null;
        do
        {
            var page = await harness.Store.ListAsync(new TrajectoryQuery(Municipality, PageSize: 5) { After = after });
            Assert.Null(page.Total);
            read.AddRange(page.Items.Select(t => t.Id));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(5, pages);
        Assert.Equal(23, read.Distinct().Count());
        Assert.Equal(numbered.Items.Select(t => t.Id), read);
        Assert.Equal("trj-17", read[0]);
        Assert.Equal(23L, numbered.Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_deadline_order_puts_the_earliest_running_deadline_first_and_those_without_one_last(string provider)
    {
        await using var harness = new StoreHarness(provider);
        // A week apart, so each crisis check is due on another day, the earliest registered first.
        for (var i = 0; i < 6; i++)
        {
            await harness.Store.ApplyAsync(Registration($"trj-{i}", Monday.AddDays(-7 * i)));
        }

        // A closed trajectory has no running deadline.
        await harness.Store.ApplyAsync(Event("trj-5", EventTypes.DroppedOut, Monday, CounsellorSender, outcome: "uitval"));
        var query = new TrajectoryQuery(Municipality, PageSize: 4) { Order = TrajectoryOrder.EarliestDeadlineFirst };

        var first = await harness.Store.ListAsync(query);
        var second = await harness.Store.ListAsync(query with { Page = 2 });
        var dueSoon = await harness.Store.ListAsync(query with { DueBy = new DateOnly(2026, 3, 2) });

        Assert.Equal(["trj-4", "trj-3", "trj-2", "trj-1"], first.Items.Select(t => t.Id));
        Assert.True(first.HasMore);
        Assert.Null(first.Next);
        Assert.Equal(["trj-0", "trj-5"], second.Items.Select(t => t.Id));
        Assert.False(second.HasMore);
        Assert.Equal(["trj-4", "trj-3", "trj-2", "trj-1"], dueSoon.Items.Select(t => t.Id));
        Assert.False(dueSoon.HasMore);
    }

    private static IncomingEvent Unlink(string trajectoryId, string organisation, Sender sender, PartnerRole role = PartnerRole.GeneralPractitioner) =>
        Event(trajectoryId, EventTypes.ParticipantUnlinked, Monday.AddDays(1), sender) with
        {
            Unlinked = new Participant(organisation, role),
        };

    private static async Task<List<(long Sequence, string Audience, string Recipients)>> OutboxAsync(StoreHarness harness, string trajectoryId)
    {
        await using var connection = await harness.Store.Dialect.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(long, string, string)>(
            "SELECT sequence, audience, recipients FROM outbox WHERE trajectory_id = @trajectoryId", new { trajectoryId })).AsList();
    }
}
