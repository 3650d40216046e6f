namespace Schuldketen.Testing;

/// <summary>The OINs of the organisations the tests and the bench act as (the first municipality and counsellor are also the demo ones).</summary>
public static class Organisations
{
    public const string Municipality = "00000001001234567000";
    public const string OtherMunicipality = "00000001007777777000";
    public const string Counsellor = "00000001009876543000";
    public const string OtherCounsellor = "00000001004444444000";
    public const string Landlord = "00000001005555555000";
    public const string EnergySupplier = "00000001006666666000";
    public const string Court = "00000001001111111000";
    public const string Administrator = "00000001002222222000";
    public const string GeneralPractice = "00000001003333333000";
}
