namespace Schuldketen.Workflows.Signals;

/// <summary>
/// A signal that passed every check: the partner's own id of it, who signalled (DDAS type and organisation name),
/// the arrears (whole euros) and since when, when it was signalled, whether it is a crisis or a warm handover, and
/// the resident.
/// </summary>
public sealed record Vroegsignaal(
    string Id,
    SignalPartner Partner,
    int? Amount,
    DateOnly? AroseOn,
    DateOnly SignalledOn,
    bool Crisis,
    bool WarmHandover,
    SignalResident Resident);

/// <summary>The signalling organisation: its DDAS partner type (EnumSignaalpartner) and name.</summary>
public sealed record SignalPartner(string Type, string Name);

/// <summary>The resident as the partner knows them: name and address always, the rest where the partner has it.</summary>
public sealed record SignalResident(
    string? Bsn,
    string? Initials,
    string? Prefix,
    string Surname,
    DateOnly? BirthDate,
    string? Street,
    string Postcode,
    string HouseNumber,
    string? Addition,
    string? Town,
    string? Phone,
    string? Email)
{
    /// <summary>The household's address as one text (postcode, number, addition), written the same however the partner spaced or cased it.</summary>
    public string HouseholdKey => $"{Postcode}|{HouseNumber}|{Addition?.ToUpperInvariant() ?? string.Empty}";

    /// <summary>The person within the household: by BSN when known, else by surname and date of birth.</summary>
    public string PersonKey => Bsn ?? $"{HouseholdKey}|{Surname.ToUpperInvariant()}|{BirthDate?.ToString("yyyy-MM-dd") ?? string.Empty}";
}
