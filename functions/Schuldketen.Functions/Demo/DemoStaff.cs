namespace Schuldketen.Functions.Demo;

/// <summary>The professionals a demo login may choose: the municipality's debt-help team and the credit bank's counsellors.</summary>
public static class DemoStaff
{
    public static IReadOnlyList<DemoStaffMember> All { get; } =
    [
        .. DemoOrganisations.MunicipalStaff.Select(person => new DemoStaffMember(DemoOrganisations.Municipality, person)),
        .. DemoOrganisations.Counsellors.Select(person => new DemoStaffMember(DemoOrganisations.CreditBank, person)),
    ];
}

public sealed record DemoStaffMember(DemoOrganisation Organisation, DemoPerson Person);
