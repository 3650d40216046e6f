namespace Schuldketen.Contracts;

/// <summary>The roles an organisation can play in the debt-help chain.</summary>
public enum PartnerRole
{
    Municipality,
    DebtCounsellor,
    Creditor,
    Court,
    Administrator,
    GeneralPractitioner,

    /// <summary>A fixed-charges partner (landlord, energy, water, health insurer) that signals payment arrears (DDAS Signaalpartner).</summary>
    SignalPartner,

    /// <summary>The hub itself, for events it raises (a deadline that passed).</summary>
    Hub,
}
