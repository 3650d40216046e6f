using System.Text.Json.Nodes;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// The outreach case's two forms on the case page: a contact attempt (DDAS Contactpoging) and the end result.
/// Each turns the posted fields into event data with DDAS field names, or names the field to fix, in Dutch.
/// </summary>
public static class OutreachForms
{
    public static IReadOnlyList<string> Kinds { get; } = Enum.GetValues<ContactKind>().Select(EnumWireNames.Of).ToList();

    public static IReadOnlyList<string> DayParts { get; } = Enum.GetValues<DayPart>().Select(EnumWireNames.Of).ToList();

    public static IReadOnlyList<string> EndResults { get; } = Enum.GetValues<EndResult>().Select(EnumWireNames.Of).ToList();

    /// <summary>The Dutch message for a field the hub refused, by the field's name in the data.</summary>
    public static string MessageFor(string field) => field switch
    {
        "soort" => "Kies hoe u contact hebt gezocht.",
        "bereikt" => "Kies of u de inwoner hebt bereikt.",
        "datum" => "Vul de datum van de contactpoging in.",
        "dagdeel" => "Kies ochtend, middag of avond, of laat het dagdeel leeg.",
        "eindresultaat" => "Kies het eindresultaat.",
        _ => "De toelichting mag niet langer zijn dan 1000 tekens.",
    };

    public static (JsonObject? Data, IReadOnlyList<string> Missing) Attempt(string? kind, string? reached, string? date, string? dayPart)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(kind))
        {
            missing.Add("soort");
        }

        if (reached is not ("ja" or "nee"))
        {
            missing.Add("bereikt");
        }

        if (string.IsNullOrWhiteSpace(date))
        {
            missing.Add("datum");
        }

        if (missing.Count > 0)
        {
            return (null, missing);
        }

        var data = new JsonObject { ["soort"] = kind, ["bereikt"] = reached == "ja", ["datum"] = date };
        if (!string.IsNullOrWhiteSpace(dayPart))
        {
            data["dagdeel"] = dayPart;
        }

        return (data, []);
    }

    public static (JsonObject? Data, IReadOnlyList<string> Missing) Close(string? endResult, string? note)
    {
        if (string.IsNullOrWhiteSpace(endResult))
        {
            return (null, ["eindresultaat"]);
        }

        var data = new JsonObject { ["eindresultaat"] = endResult };
        if (!string.IsNullOrWhiteSpace(note))
        {
            data["note"] = note;
        }

        return (data, []);
    }
}
