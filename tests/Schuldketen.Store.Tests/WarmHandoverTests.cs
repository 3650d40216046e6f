using System.Text.Json;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Outreach;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

public class WarmHandoverTests
{
    private static readonly DateTimeOffset ClosedAt = Monday.AddDays(3);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Debt_help_as_end_result_registers_the_residents_wgs_trajectory_from_the_close_once(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var handover = Handover(harness);
        var outreach = await OpenAndCloseAsync(harness, "hash-inwoner-1", EndResult.FinancialFollowUp);

        var first = await handover.AfterCloseAsync(outreach, ClosedAt, null);
        var retried = await handover.AfterCloseAsync(outreach, ClosedAt, null);

        Assert.NotNull(first);
        Assert.Equal(first, retried);
        var wgs = (await harness.Store.FindAsync(first))!;
        Assert.Equal(("wgs-standaard", Municipality, "hash-inwoner-1", ClosedAt, Channel.EarlyWarning),
            (wgs.Definition.Id, wgs.Municipality, wgs.SubjectHash, wgs.StartedAt, wgs.Channel));
        Assert.Single(await harness.Store.HistoryAsync(first));
        // The Wgs clocks run from the handover, not from the signal.
        Assert.Contains(await harness.Store.TimersAsync(first), timer => timer.DeadlineId == "eerste-gesprek" && timer.StartedOn == new DateOnly(2026, 3, 5));
        Assert.Equal(2, (await harness.Store.OfSubjectAsync("hash-inwoner-1")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_resident_with_an_open_wgs_trajectory_is_led_to_it_and_no_second_one_starts(string provider)
    {
        await using var harness = new StoreHarness(provider);
        await harness.Store.ApplyAsync(Registration("trj-open", Monday.AddDays(-10)));
        var outreach = await OpenAndCloseAsync(harness, "hash-trj-open", EndResult.FinancialFollowUp);

        var led = await Handover(harness).AfterCloseAsync(outreach, ClosedAt, null);

        Assert.Equal("trj-open", led);
        Assert.Equal(2, (await harness.Store.OfSubjectAsync("hash-trj-open")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Advice_or_another_end_result_starts_no_trajectory(string provider)
    {
        await using var harness = new StoreHarness(provider);
        var outreach = await OpenAndCloseAsync(harness, "hash-inwoner-2", EndResult.AdviceOrQuickFix);

        Assert.Null(await Handover(harness).AfterCloseAsync(outreach, ClosedAt, null));
        Assert.Single(await harness.Store.OfSubjectAsync("hash-inwoner-2"));
    }

    private static WarmHandover Handover(StoreHarness harness) =>
        new(harness.Store, new WarmHandoverSettings(Hub.Oin, new Dictionary<string, string>(), "wgs-standaard"));

    private static async Task<string> OpenAndCloseAsync(StoreHarness harness, string subjectHash, EndResult endResult)
    {
        var opened = await new OutreachCases(harness.Store, new OutreachSettings(Hub.Oin, new Dictionary<string, string>())).OpenOrJoinAsync(new OutreachRequest(
            Municipality,
            "huishouden-" + subjectHash,
            new SignalJoined("sig-" + subjectHash, SignalPartnerType.Energy, "Energie BV", 420, new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 27), false, false,
                SignalStatus.NotYetPickedUp),
            Monday,
            MatchingMonths: 6,
            SubjectHash: subjectHash,
            SubjectCipher: "cipher-" + subjectHash));
        var closing = new OutreachClosed(endResult);
        var closed = await harness.Store.ApplyAsync(Event(opened.TrajectoryId, EventTypes.OutreachClosed, ClosedAt, outcome: ((IEventData)closing).Outcome) with
        {
            Data = JsonSerializer.Serialize(closing, EventDataJson.Options),
        });
        Assert.Equal(ApplyStatus.Accepted, closed.Status);
        return opened.TrajectoryId;
    }
}
