using System.Globalization;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;
using Schuldketen.Contracts.Views;
using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Functions.Dashboard;

/// <summary>
/// The form of one next step: its event's data fields from the contract, what the professional filled in, and for each
/// field the hub refused what to fix, in Dutch.
/// </summary>
public sealed record StepForm(
    string Type, string Title, IReadOnlyList<DataField> Fields, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>How a date and time field posts its value: the wall-clock minute in the Netherlands.</summary>
    public const string ClockFormat = "yyyy-MM-dd'T'HH:mm";

    public const string DateFormat = "yyyy-MM-dd";

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>The form's anchor and the start of its fields' ids: the event type without the chain's prefix.</summary>
    public string Id => "stap-" + Type.Replace("nl.schuldketen.", "", StringComparison.Ordinal).Replace('.', '-');

    public string FieldId(DataField field) => $"{Id}-{field.Name}";

    public string Value(DataField field) => Values.GetValueOrDefault(field.Name) ?? "";

    public string? ErrorOf(DataField field) => Errors.GetValueOrDefault(field.Name);

    /// <summary>A fresh form, its dates on today and its times on now: most steps are recorded on the day they happen.</summary>
    public static StepForm Blank(NextEventView step, DateTimeOffset now)
    {
        var fields = EventDataCatalogue.Fields(step.Type);
        var values = fields.Where(field => field.Kind is DataFieldKind.Date or DataFieldKind.DateTime)
            .ToDictionary(
                field => field.Name,
                field => field.Kind == DataFieldKind.Date
                    ? now.ToDutchDate().ToString(DateFormat, CultureInfo.InvariantCulture)
                    : now.ToDutchClock().ToString(ClockFormat, CultureInfo.InvariantCulture));
        return new StepForm(step.Type, step.Description, fields, values, None);
    }

    /// <summary>The form as posted, with a Dutch message at each field the hub refused.</summary>
    public static StepForm Refused(string type, IReadOnlyDictionary<string, string> values, IEnumerable<string> refused)
    {
        var fields = EventDataCatalogue.Fields(type);
        var errors = fields.Where(field => refused.Contains(field.Name))
            .ToDictionary(field => field.Name, field => StepMessages.For(field, values.GetValueOrDefault(field.Name)));
        return new StepForm(type, EventCatalogue.Find(type)?.Description ?? type, fields, values, errors);
    }
}
