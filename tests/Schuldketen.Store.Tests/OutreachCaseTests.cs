using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Outreach;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

public class OutreachCaseTests
{
    private const string Household = "huishouden-sleutel-1";

    private static readonly OutreachSettings Settings = new(Hub.Oin, new Dictionary<string, string>());

    private static OutreachRequest Signal(string signalId, DateTimeOffset at, bool crisis = false, string? partner = null) => new(
        Municipality,
        Household,
        new SignalJoined(signalId, SignalPartnerType.Rent, "Woonstichting De Poort", 850, new DateOnly(2026, 1, 5), DateOnly.FromDateTime(at.Date), crisis, false,
            SignalStatus.NotYetPickedUp),
        at,
        MatchingMonths: 6,
        PartnerOrganisation: partner);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_signal_for_the_household_within_the_period_joins_the_case_and_a_retry_adds_nothing(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var cases = new OutreachCases(harness.Store, Settings);

        var first = await cases.OpenOrJoinAsync(Signal("sig-1", Monday, partner: Landlord));
        var second = await cases.OpenOrJoinAsync(Signal("sig-2", Monday.AddMonths(5), partner: EnergySupplier));
        var retried = await cases.OpenOrJoinAsync(Signal("sig-1", Monday, partner: Landlord));

        Assert.True(first.IsNew);
        Assert.Equal((first.TrajectoryId, false), (second.TrajectoryId, second.IsNew));
        Assert.Equal((first.TrajectoryId, true), (retried.TrajectoryId, retried.IsNew));
        var history = await harness.Store.HistoryAsync(first.TrajectoryId);
        Assert.Equal([EventTypes.Registered, EventTypes.SignalJoined, EventTypes.SignalJoined], history.Select(entry => entry.EventType));
        Assert.Equal(
            [(Municipality, "gemeente"), (Landlord, "signaalpartner"), (EnergySupplier, "signaalpartner")],
            (await harness.Store.ParticipantsAsync(first.TrajectoryId)).Select(p => (p.Organisation, p.Role)).OrderBy(p => p.Role).ThenBy(p => p.Organisation == Landlord ? 0 : 1));
        Assert.Equal(("vroegsignalering", "contact"), ((await harness.Store.FindAsync(first.TrajectoryId))!.Definition.Id, history[^1].Phase));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_that_stops_before_writing_its_case_links_opens_no_second_case_when_it_goes_on(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var cases = new OutreachCases(harness.Store, Settings);
        var household = new[] { Signal("sig-1", Monday, partner: Landlord), Signal("sig-2", Monday, partner: Landlord) };

        // The first run's links are lost, as when the host stops before the import's closing transaction.
        var lost = new List<OutreachLink>();
        var first = await cases.OpenOrJoinHouseholdAsync(household, lost);
        var links = new List<OutreachLink>();
        var again = await cases.OpenOrJoinHouseholdAsync(household, links);

        var trajectoryId = Assert.Single(first.Concat(again).Select(joined => joined.TrajectoryId).Distinct());
        Assert.Equal(trajectoryId, Assert.Single(links).TrajectoryId);
        Assert.Equal("sig-1", links[0].OpenedBy);
        Assert.Equal([EventTypes.Registered, EventTypes.SignalJoined, EventTypes.SignalJoined],
            (await harness.Store.HistoryAsync(trajectoryId)).Select(entry => entry.EventType));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_signals_about_one_household_that_arrive_side_by_side_share_one_case(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var cases = new OutreachCases(harness.Store, Settings);

        // Two partners' signals on the bus at once: neither has written its case link when the other looks for one.
        var fromLandlord = new List<OutreachLink>();
        var fromEnergySupplier = new List<OutreachLink>();
        var landlords = await cases.OpenOrJoinHouseholdAsync([Signal("sig-1", Monday, partner: Landlord)], fromLandlord);
        var energySuppliers = await cases.OpenOrJoinHouseholdAsync([Signal("sig-2", Monday, partner: EnergySupplier)], fromEnergySupplier);
        await using (var connection = await harness.Store.Dialect.OpenAsync(default))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await OutreachCases.WriteLinksAsync(connection, transaction, fromEnergySupplier.Concat(fromLandlord));
            await transaction.CommitAsync();
        }

        var trajectoryId = Assert.Single(landlords.Concat(energySuppliers).Select(joined => joined.TrajectoryId).Distinct());
        Assert.Equal([true, false], landlords.Concat(energySuppliers).Select(joined => joined.IsNew));
        Assert.Equal([EventTypes.Registered, EventTypes.SignalJoined, EventTypes.SignalJoined],
            (await harness.Store.HistoryAsync(trajectoryId)).Select(entry => entry.EventType));
        var later = await cases.OpenOrJoinAsync(Signal("sig-3", Monday.AddMonths(1), partner: Landlord));
        Assert.Equal((trajectoryId, false), (later.TrajectoryId, later.IsNew));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_signal_after_the_matching_period_or_after_the_case_closed_opens_a_new_case(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var cases = new OutreachCases(harness.Store, Settings);

        var first = await cases.OpenOrJoinAsync(Signal("sig-1", Monday));
        var afterPeriod = await cases.OpenOrJoinAsync(Signal("sig-2", Monday.AddMonths(6).AddDays(1)));
        var closed = await harness.Store.ApplyAsync(Event(afterPeriod.TrajectoryId, EventTypes.OutreachClosed, Monday.AddMonths(6).AddDays(2), MunicipalitySender,
            outcome: "geen-hulp-gewenst"));
        var afterClose = await cases.OpenOrJoinAsync(Signal("sig-3", Monday.AddMonths(6).AddDays(3)));

        Assert.True(afterPeriod.IsNew);
        Assert.NotEqual(first.TrajectoryId, afterPeriod.TrajectoryId);
        Assert.Equal((ApplyStatus.Accepted, "afgesloten"), (closed.Status, closed.Phase));
        Assert.True(afterClose.IsNew);
        Assert.DoesNotContain(afterClose.TrajectoryId, new[] { first.TrajectoryId, afterPeriod.TrajectoryId });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_crisis_signal_wants_a_first_contact_attempt_within_3_working_days_and_another_within_5(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var cases = new OutreachCases(harness.Store, Settings);

        var crisis = await cases.OpenOrJoinAsync(Signal("sig-1", Monday, crisis: true));
        var ordinary = await cases.OpenOrJoinAsync(Signal("sig-2", Monday) with { HouseholdKey = "huishouden-sleutel-2" });

        Assert.Equal([("eerste-contactpoging-crisis", new DateOnly(2026, 3, 5))],
            (await harness.Store.TimersAsync(crisis.TrajectoryId)).Select(timer => (timer.DeadlineId, timer.DueOn)));
        Assert.Equal([("eerste-contactpoging", new DateOnly(2026, 3, 9))],
            (await harness.Store.TimersAsync(ordinary.TrajectoryId)).Select(timer => (timer.DeadlineId, timer.DueOn)));
    }
}
