namespace Schuldketen.Workflows.Signals;

/// <summary>
/// The fields of a Vroegsignaal as DDAS names them (JSON Schema vroegsignalering v0.1), by their path: the JSON
/// members, and the same names as CSV columns (a nested member as <c>client.Achternaam</c>). Telephone and e-mail
/// are the hub's additions, which DDAS v0.1 does not carry.
/// </summary>
public static class SignalFields
{
    public const string Id = "ID";
    public const string Crisis = "crisissignaal";
    public const string WarmHandover = "warmeOverdracht";
    public const string Amount = "bedrag";
    public const string AroseOn = "ontstaansdatum";
    public const string SignalledOn = "signaaldatum";
    public const string PartnerType = "signaalpartner.type";
    public const string PartnerName = "signaalpartner.Organisatienaam";
    public const string Bsn = "client.Burgerservicenummer";
    public const string Initials = "client.Voorletters";
    public const string Prefix = "client.Voorvoegsel";
    public const string Surname = "client.Achternaam";
    public const string BirthDate = "client.Geboortedatum";
    public const string Street = "client.Straatnaam";
    public const string Postcode = "client.Postcode";
    public const string HouseNumber = "client.Huisnummer";
    public const string Addition = "client.Huisnummertoevoeging";
    public const string Town = "client.Plaatsnaam";
    public const string Phone = "client.Telefoonnummer";
    public const string Email = "client.Emailadres";

    /// <summary>Every field a signal may carry, in the order of a CSV the hub would write.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Id, Crisis, WarmHandover, Amount, AroseOn, SignalledOn, PartnerType, PartnerName,
        Bsn, Initials, Prefix, Surname, BirthDate, Street, Postcode, HouseNumber, Addition, Town, Phone, Email,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>The fields a file's header must name: the signal, the name and the address. The partner only when the caller is not the partner.</summary>
    public static IEnumerable<string> Required(bool partnerPerRow) =>
        partnerPerRow ? [Id, SignalledOn, PartnerType, PartnerName, Surname, Postcode, HouseNumber] : [Id, SignalledOn, Surname, Postcode, HouseNumber];

    public static bool IsKnown(string field) => Known.Contains(field);
}
