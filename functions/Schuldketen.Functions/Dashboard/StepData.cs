using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// A posted step form as its event's data: each filled-in field in the JSON type its schema asks. Text that does not
/// read as that type is sent as text, so the intake refuses it at that field, as it would from a partner's system.
/// </summary>
public static partial class StepData
{
    public static JsonObject From(IReadOnlyList<DataField> fields, IReadOnlyDictionary<string, string> values)
    {
        var data = new JsonObject();
        foreach (var field in fields)
        {
            if (values.GetValueOrDefault(field.Name) is { Length: > 0 } text)
            {
                data[field.Name] = Node(field, text);
            }
        }

        return data;
    }

    private static JsonNode Node(DataField field, string text) => field.Kind switch
    {
        DataFieldKind.WholeNumber when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole,
        DataFieldKind.Amount when Amount(text) is { } amount => amount,
        DataFieldKind.YesNo when text is "ja" or "nee" => text == "ja",
        DataFieldKind.DateTime when DateTime.TryParseExact(text, StepForm.ClockFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            => Rfc3339.Format(DutchTime.FromDutchClock(clock)),
        _ => text,
    };

    /// <summary>An amount in euros as people write it: 1250,50 or 1.250,50 (or 1250.50), with or without a euro sign.</summary>
    private static decimal? Amount(string text)
    {
        var bare = text.Replace("€", "", StringComparison.Ordinal).Trim();
        var invariant = DutchThousands().IsMatch(bare) ? bare.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')
            : PlainAmount().IsMatch(bare) ? bare.Replace(',', '.')
            : null;
        return invariant is null ? null : decimal.Parse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+(,\d{1,2})?$")]
    private static partial Regex DutchThousands();

    [GeneratedRegex(@"^-?\d+([.,]\d{1,2})?$")]
    private static partial Regex PlainAmount();
}
