using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Schuldketen.Api.Tests.Signals.SignalHub;

namespace Schuldketen.Api.Tests.Signals;

/// <summary>
/// Hostile signals and files. A file-level fault is refused whole with a 4xx problem; a row fault refuses that row only,
/// reported with its line and field, while the good row beside it is stored; a field starting with a formula character is
/// kept as text.
/// </summary>
internal static class HostileSignals
{
    /// <summary>A file the hub must refuse whole, with this status, as the municipality (or the landlord, <see cref="AsPartner"/>) sends it.</summary>
    public sealed record HostileFile(string Name, Func<HttpContent> Content, HttpStatusCode Status, bool AsPartner = false);

    /// <summary>A file of a good row and a hostile one: the hostile row must be refused at <see cref="Line"/> for <see cref="Field"/>.</summary>
    public sealed record HostileRow(string Name, Func<string, HttpContent> Content, long Line, string Field, bool AsPartner = false);

    private static readonly string[] Header = CsvHeader.Split(',');

    private static readonly Dictionary<string, string> Good = new()
    {
        ["ID"] = "good", ["crisissignaal"] = "false", ["warmeOverdracht"] = "false", ["bedrag"] = "850", ["ontstaansdatum"] = "2026-01-05",
        ["signaaldatum"] = "2026-02-20", ["signaalpartner.type"] = "Huur", ["signaalpartner.Organisatienaam"] = LandlordName,
        ["client.Burgerservicenummer"] = "", ["client.Voorletters"] = "P.", ["client.Achternaam"] = "Jansen", ["client.Geboortedatum"] = "1980-04-01",
        ["client.Straatnaam"] = "Kerkstraat", ["client.Postcode"] = "3511AB", ["client.Huisnummer"] = "12", ["client.Huisnummertoevoeging"] = "",
        ["client.Plaatsnaam"] = "Utrecht", ["client.Telefoonnummer"] = "06-12345678", ["client.Emailadres"] = "p.jansen@example.nl",
    };

    public static string Line(string id, params (string Field, string Value)[] changes)
    {
        var values = new Dictionary<string, string>(Good) { ["ID"] = id };
        foreach (var (field, value) in changes)
        {
            values[field] = value;
        }

        return string.Join(",", Header.Select(field => "\"" + values[field].Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }

    private static HttpContent Raw(string text, string mediaType = "text/csv") => Bytes(Encoding.UTF8.GetBytes(text), mediaType);

    private static HttpContent Bytes(byte[] body, string? mediaType = "text/csv")
    {
        var content = new ByteArrayContent(body);
        if (mediaType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        }

        return content;
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static HostileRow CsvRow(string name, string field, params (string Field, string Value)[] changes) =>
        new(name, id => Raw(CsvHeader + "\n" + Line(id + "-good") + "\n" + Line(id + "-bad", changes) + "\n"), 3, field);

    private static HostileRow JsonRow(string name, string field, string hostileItem) =>
        new(name, id => Raw($"[{{\"ID\":\"{id}-good\",\"signaaldatum\":\"2026-02-20\",\"client\":{{\"Achternaam\":\"Jansen\",\"Postcode\":\"3511AB\",\"Huisnummer\":\"12\"}}}},"
                            + hostileItem.Replace("$ID", id + "-bad", StringComparison.Ordinal) + "]", "application/json"), 2, field, AsPartner: true);

    private const string JsonClient = "\"client\":{\"Achternaam\":\"Jansen\",\"Postcode\":\"3511AB\",\"Huisnummer\":\"12\"}";

    public static readonly IReadOnlyList<HostileFile> Files =
    [
        new("empty body", () => Raw(string.Empty), HttpStatusCode.BadRequest),
        new("header only", () => Raw(CsvHeader + "\n"), HttpStatusCode.BadRequest),
        new("Latin-1 text in a row", () => Bytes([.. Encoding.UTF8.GetBytes(CsvHeader + "\n"), .. Latin1(Line("l1", ("client.Achternaam", "Hélène")))]), HttpStatusCode.BadRequest),
        new("Latin-1 text in the header", () => Bytes(Latin1(CsvHeader + ",café\n")), HttpStatusCode.BadRequest),
        new("UTF-16 with byte order mark", () => Bytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(CsvHeader + "\n" + Line("u16") + "\n")]), HttpStatusCode.BadRequest),
        new("binary garbage", () => Bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x80, 0x81, 0xFE]), HttpStatusCode.BadRequest),
        new("repeated header row", () => Raw(CsvHeader + "\n" + Line("rh1") + "\n" + CsvHeader + "\n" + Line("rh2") + "\n"), HttpStatusCode.BadRequest),
        new("a column named twice", () => Raw(CsvHeader + ",bedrag\n" + Line("d1") + ",850\n"), HttpStatusCode.BadRequest),
        new("an unknown column", () => Raw(CsvHeader + ",IBAN\n" + Line("uc1") + ",NL91ABNA0417164300\n"), HttpStatusCode.BadRequest),
        new("missing ID column", () => Raw(CsvHeader.Replace("ID,", string.Empty, StringComparison.Ordinal) + "\n" + Line("m1")[6..] + "\n"), HttpStatusCode.BadRequest),
        new("missing postcode column", () => Raw(string.Join(",", Header.Where(name => name != "client.Postcode")) + "\n" + "x\n"), HttpStatusCode.BadRequest),
        new("missing partner columns in a municipality's upload", () => Raw("ID,signaaldatum,client.Achternaam,client.Postcode,client.Huisnummer\nmp1,2026-02-20,Jansen,3511AB,12\n"), HttpStatusCode.BadRequest),
        new("a row with too few columns", () => Raw(CsvHeader + "\n" + Line("f1") + "\n\"f2\",\"false\"\n"), HttpStatusCode.BadRequest),
        new("a row with an extra column", () => Raw(CsvHeader + "\n" + Line("e1") + ",\"extra\"\n"), HttpStatusCode.BadRequest),
        new("a row with 10,000 columns", () => Raw(CsvHeader + "\n" + Line("w1") + "\n" + string.Join(",", Enumerable.Repeat("x", 10_000)) + "\n"), HttpStatusCode.BadRequest),
        new("a header with 10,000 columns", () => Raw(string.Join(",", Enumerable.Range(0, 10_000).Select(index => $"k{index}")) + "\n"), HttpStatusCode.BadRequest),
        new("an unclosed quote", () => Raw(CsvHeader + "\n" + Line("q1") + "\n\"q2,false,false\n"), HttpStatusCode.BadRequest),
        new("a field of 20,000 characters", () => Raw(CsvHeader + "\n" + Line("big1", ("client.Straatnaam", new string('a', 20_000))) + "\n"), HttpStatusCode.BadRequest),
        new("charset Latin-1 declared", () => Bytes(Latin1(CsvHeader + "\n" + Line("cs1") + "\n"), "text/csv; charset=iso-8859-1"), HttpStatusCode.UnsupportedMediaType),
        new("text/plain", () => Raw(CsvHeader + "\n" + Line("tp1") + "\n", "text/plain"), HttpStatusCode.UnsupportedMediaType),
        new("no content type", () => Bytes(Encoding.UTF8.GetBytes(CsvHeader + "\n" + Line("nc1") + "\n"), null), HttpStatusCode.UnsupportedMediaType),
        new("a spreadsheet instead of CSV", () => Bytes([0x50, 0x4B, 0x03, 0x04], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), HttpStatusCode.UnsupportedMediaType),
        new("a file over the limit, declared", () => Raw(CsvHeader + "\n" + string.Join("\n", Enumerable.Range(0, 400).Select(index => Line($"ol{index}"))) + "\n"), HttpStatusCode.RequestEntityTooLarge),
        new("JSON syntax error", () => Raw("[{\"ID\":\"j1\",}]", "application/json"), HttpStatusCode.BadRequest, AsPartner: true),
        new("JSON text at the top", () => Raw("\"signaal\"", "application/json"), HttpStatusCode.BadRequest, AsPartner: true),
        new("JSON number at the top", () => Raw("42", "application/json"), HttpStatusCode.BadRequest, AsPartner: true),
        new("JSON array cut short", () => Raw("[{\"ID\":\"j2\",\"signaaldatum\":\"2026-02-20\"", "application/json"), HttpStatusCode.BadRequest, AsPartner: true),
        new("JSON with Latin-1 text", () => Bytes([.. Encoding.UTF8.GetBytes("[{\"ID\":\"j3\",\"client\":{\"Achternaam\":\""), .. Latin1("Hélène"), .. Encoding.UTF8.GetBytes("\"}}]")], "application/json"), HttpStatusCode.BadRequest, AsPartner: true),
        new("JSON nested 2,000 deep", () => Raw(new string('[', 2_000) + new string(']', 2_000), "application/json"), HttpStatusCode.BadRequest, AsPartner: true),
        new("an empty JSON array", () => Raw("[]", "application/json"), HttpStatusCode.BadRequest, AsPartner: true),
        new("JSON with a second document after the first", () => Raw("{\"ID\":\"j4\"} {\"ID\":\"j5\"}", "application/json"), HttpStatusCode.BadRequest, AsPartner: true),
    ];

    public static readonly IReadOnlyList<HostileRow> Rows =
    [
        CsvRow("unknown partner type", "signaalpartner.type", ("signaalpartner.type", "Telecom")),
        CsvRow("empty partner type", "signaalpartner.type", ("signaalpartner.type", "")),
        CsvRow("partner type in other case", "signaalpartner.type", ("signaalpartner.type", "huur")),
        CsvRow("no organisation name", "signaalpartner.Organisatienaam", ("signaalpartner.Organisatienaam", "")),
        CsvRow("negative amount", "bedrag", ("bedrag", "-40")),
        CsvRow("zero amount", "bedrag", ("bedrag", "0")),
        CsvRow("absurd amount", "bedrag", ("bedrag", "99999999")),
        CsvRow("amount beyond an integer", "bedrag", ("bedrag", "99999999999999999999")),
        CsvRow("amount with cents", "bedrag", ("bedrag", "85.50")),
        CsvRow("amount with a euro sign", "bedrag", ("bedrag", "€850")),
        CsvRow("amount in words", "bedrag", ("bedrag", "veel")),
        CsvRow("signal date in the future", "signaaldatum", ("signaaldatum", "2027-01-01")),
        CsvRow("arrears arising in the future", "ontstaansdatum", ("ontstaansdatum", "2026-12-01")),
        CsvRow("arrears arising after the signal", "ontstaansdatum", ("ontstaansdatum", "2026-02-25")),
        CsvRow("Dutch date order", "signaaldatum", ("signaaldatum", "20-02-2026")),
        CsvRow("a date that does not exist", "signaaldatum", ("signaaldatum", "2026-02-30")),
        CsvRow("no signal date", "signaaldatum", ("signaaldatum", "")),
        CsvRow("BSN failing the 11-test", "client.Burgerservicenummer", ("client.Burgerservicenummer", "123456789")),
        CsvRow("BSN of 8 digits", "client.Burgerservicenummer", ("client.Burgerservicenummer", "11122233")),
        CsvRow("BSN with letters", "client.Burgerservicenummer", ("client.Burgerservicenummer", "11122233X")),
        CsvRow("BSN of zeros", "client.Burgerservicenummer", ("client.Burgerservicenummer", "000000000")),
        CsvRow("no surname", "client.Achternaam", ("client.Achternaam", "")),
        CsvRow("surname of 300 characters", "client.Achternaam", ("client.Achternaam", new string('j', 300))),
        CsvRow("surname with a tab", "client.Achternaam", ("client.Achternaam", "Jan\tsen")),
        CsvRow("surname with a NUL", "client.Achternaam", ("client.Achternaam", "Jan\0sen")),
        CsvRow("surname with a line break", "client.Achternaam", ("client.Achternaam", "Jan\nsen")),
        CsvRow("postcode of letters", "client.Postcode", ("client.Postcode", "ABCD12")),
        CsvRow("no postcode", "client.Postcode", ("client.Postcode", "")),
        CsvRow("postcode starting with 0", "client.Postcode", ("client.Postcode", "0123AB")),
        CsvRow("house number 0", "client.Huisnummer", ("client.Huisnummer", "0")),
        CsvRow("house number with a letter", "client.Huisnummer", ("client.Huisnummer", "12a")),
        CsvRow("negative house number", "client.Huisnummer", ("client.Huisnummer", "-12")),
        CsvRow("addition of 50 characters", "client.Huisnummertoevoeging", ("client.Huisnummertoevoeging", new string('b', 50))),
        CsvRow("born in the future", "client.Geboortedatum", ("client.Geboortedatum", "2030-01-01")),
        CsvRow("born in 1850", "client.Geboortedatum", ("client.Geboortedatum", "1850-01-01")),
        CsvRow("phone number too short", "client.Telefoonnummer", ("client.Telefoonnummer", "123")),
        CsvRow("phone number in letters", "client.Telefoonnummer", ("client.Telefoonnummer", "nul-zes-een-twee")),
        CsvRow("e-mail without domain", "client.Emailadres", ("client.Emailadres", "jansen@")),
        CsvRow("two e-mail addresses", "client.Emailadres", ("client.Emailadres", "a@example.nl, b@example.nl")),
        CsvRow("crisis flag in words", "crisissignaal", ("crisissignaal", "misschien")),
        CsvRow("warm handover of 2", "warmeOverdracht", ("warmeOverdracht", "2")),
        CsvRow("no ID", "ID", ("ID", "")),
        CsvRow("ID of 500 characters", "ID", ("ID", new string('i', 500))),
        JsonRow("a JSON item that is no object", "(signaal)", "42"),
        JsonRow("an unknown JSON member", "IBAN", $"{{\"ID\":\"$ID\",\"signaaldatum\":\"2026-02-20\",\"IBAN\":\"NL91ABNA0417164300\",{JsonClient}}}"),
        JsonRow("client as text", "client", "{\"ID\":\"$ID\",\"signaaldatum\":\"2026-02-20\",\"client\":\"Jansen\"}"),
        JsonRow("amount as an object", "bedrag", $"{{\"ID\":\"$ID\",\"signaaldatum\":\"2026-02-20\",\"bedrag\":{{\"euro\":5}},{JsonClient}}}"),
        JsonRow("a negative JSON amount", "bedrag", $"{{\"ID\":\"$ID\",\"signaaldatum\":\"2026-02-20\",\"bedrag\":-5,{JsonClient}}}"),
        JsonRow("a fractional JSON amount", "bedrag", $"{{\"ID\":\"$ID\",\"signaaldatum\":\"2026-02-20\",\"bedrag\":5.5,{JsonClient}}}"),
        JsonRow("a connected partner naming a partner", "signaalpartner.type",
            $"{{\"ID\":\"$ID\",\"signaaldatum\":\"2026-02-20\",\"signaalpartner\":{{\"type\":\"Energie\",\"Organisatienaam\":\"Ander\"}},{JsonClient}}}"),
        JsonRow("a JSON BSN failing the 11-test", "client.Burgerservicenummer",
            "{\"ID\":\"$ID\",\"signaaldatum\":\"2026-02-20\",\"client\":{\"Burgerservicenummer\":\"123456789\",\"Achternaam\":\"Jansen\",\"Postcode\":\"3511AB\",\"Huisnummer\":\"12\"}}"),
        JsonRow("a JSON crisis flag as text", "crisissignaal", $"{{\"ID\":\"$ID\",\"signaaldatum\":\"2026-02-20\",\"crisissignaal\":\"misschien\",{JsonClient}}}"),
        JsonRow("a JSON signal date as a number", "signaaldatum", $"{{\"ID\":\"$ID\",\"signaaldatum\":20260220,{JsonClient}}}"),
    ];

    /// <summary>Text starting with a formula character is no fault: it is kept as the partner sent it.</summary>
    public static readonly IReadOnlyList<string> FormulaTexts = ["=HYPERLINK(\"http://example.com\",\"klik\")", "+31 Jansen", "-Jansen", "@SUM(1+1)", "=cmd|' /C calc'!A0"];
}
