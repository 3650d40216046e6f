using Schuldketen.Contracts;

namespace Schuldketen.Functions.Demo;

/// <summary>The organisations and people of the embedded demo: one of each role in the chain.</summary>
public static class DemoOrganisations
{
    public static readonly DemoOrganisation Municipality = new("00000001001234567000", "Gemeente Voorbeeldstad", PartnerRole.Municipality);
    public static readonly DemoOrganisation CreditBank = new("00000001009876543000", "Kredietbank Voorbeeldstad", PartnerRole.DebtCounsellor);
    public static readonly DemoOrganisation Landlord = new("00000001005555555000", "Woonstichting Thuis", PartnerRole.Creditor);
    public static readonly DemoOrganisation EnergySupplier = new("00000001006666666000", "Energie Noord", PartnerRole.Creditor);
    public static readonly DemoOrganisation Court = new("00000001001111111000", "Rechtbank Midden-Nederland", PartnerRole.Court);
    public static readonly DemoOrganisation Administrator = new("00000001002222222000", "Bewindvoering Zorgvuldig", PartnerRole.Administrator);
    public static readonly DemoOrganisation GeneralPractice = new("00000001003333333000", "Huisartsenpraktijk De Linde", PartnerRole.GeneralPractitioner);

    public static IReadOnlyList<DemoOrganisation> All { get; } =
        [Municipality, CreditBank, Landlord, EnergySupplier, Court, Administrator, GeneralPractice];

    /// <summary>Debt counsellors of the credit bank; each is the contact person of some trajectories.</summary>
    public static IReadOnlyList<DemoPerson> Counsellors { get; } =
    [
        new("consulent-1", "Fatima de Vries"),
        new("consulent-2", "Jan Jansen"),
        new("consulent-3", "Sanne Bakker"),
    ];

    /// <summary>The municipality's debt-help team; the demo seed's municipal events are theirs.</summary>
    public static IReadOnlyList<DemoPerson> MunicipalStaff { get; } = [new("medewerker-kcc", "Noor Visser")];
}

public sealed record DemoOrganisation(string Oin, string Name, PartnerRole Role);

public sealed record DemoPerson(string Id, string Name);
