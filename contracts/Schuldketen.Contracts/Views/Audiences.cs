namespace Schuldketen.Contracts.Views;

/// <summary>
/// The audiences of the chain: who sees which projection of a trajectory. The names are the
/// <c>audience</c> discriminators of <see cref="TrajectoryView"/>.
/// </summary>
public static class Audiences
{
    public const string CaseHandlers = "behandelaar";
    public const string Judiciary = "rechtspraak";
    public const string Creditors = "schuldeiser";
    public const string Referrers = "verwijzer";
    public const string SignalPartners = "signaalpartner";

    public static string Of(PartnerRole role) => role switch
    {
        PartnerRole.Municipality or PartnerRole.DebtCounsellor => CaseHandlers,
        PartnerRole.Court or PartnerRole.Administrator => Judiciary,
        PartnerRole.Creditor => Creditors,
        PartnerRole.GeneralPractitioner => Referrers,
        PartnerRole.SignalPartner => SignalPartners,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "The hub itself is no audience."),
    };
}
