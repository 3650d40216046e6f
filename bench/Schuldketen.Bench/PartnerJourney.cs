using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Bench;

/// <summary>One partner event of the journey: its type, the role that may send it, its data, and how long after registration it happens.</summary>
internal sealed record JourneyStep(string Type, PartnerRole Sender, TimeSpan After, Func<DateTimeOffset, IEventData> Data);

/// <summary>The main path of wgs-standaard v1 after registration, each event from a role its transition permits.</summary>
internal static class PartnerJourney
{
    public const string Municipality = "00000001001234567000";
    public const string Counsellor = "00000001009876543000";

    public static IReadOnlyList<JourneyStep> Steps { get; } =
    [
        new(EventTypes.CrisisCheckCompleted, PartnerRole.Municipality, TimeSpan.FromHours(2), _ => new CrisisCheckCompleted(Crisis: false)),
        new(EventTypes.FirstConversationHeld, PartnerRole.DebtCounsellor, TimeSpan.FromDays(10), at => new FirstConversationHeld(at)),
        new(EventTypes.AccessGranted, PartnerRole.Municipality, TimeSpan.FromDays(30),
            at => new AccessGranted(DateOnly.FromDateTime(at.UtcDateTime), "Stabiliseren, daarna een minnelijke regeling met alle schuldeisers.")),
        new(EventTypes.StabilisationCompleted, PartnerRole.DebtCounsellor, TimeSpan.FromDays(120), _ => new StabilisationCompleted(7, 12_450.75m, 165m)),
        new(EventTypes.SettlementAgreed, PartnerRole.DebtCounsellor, TimeSpan.FromDays(240),
            at => new SettlementAgreed(SettlementForm.DebtMediation, DateOnly.FromDateTime(at.UtcDateTime))),
        new(EventTypes.RepaymentCompleted, PartnerRole.DebtCounsellor, TimeSpan.FromDays(800), at => new RepaymentCompleted(DateOnly.FromDateTime(at.UtcDateTime))),
        new(EventTypes.AftercareCompleted, PartnerRole.DebtCounsellor, TimeSpan.FromDays(900), _ => new AftercareCompleted(AftercareOutcome.Settled)),
    ];

    public static string OrganisationOf(PartnerRole role) => role switch
    {
        PartnerRole.Municipality => Municipality,
        PartnerRole.DebtCounsellor => Counsellor,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "The journey has no partner in this role."),
    };
}
