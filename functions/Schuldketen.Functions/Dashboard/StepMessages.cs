using System.Globalization;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Functions.Dashboard;

/// <summary>What to fix in a field the hub refused, in Dutch, from the field's component, bounds and help text.</summary>
public static class StepMessages
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string For(DataField field, string? value)
    {
        var label = $"‘{field.Label}’";
        if (string.IsNullOrWhiteSpace(value))
        {
            return field.Kind switch
            {
                DataFieldKind.YesNo => $"Kies ja of nee bij {label}.",
                DataFieldKind.Choice => $"Kies een van de mogelijkheden bij {label}.",
                _ => $"Vul {label} in.",
            };
        }

        return field.Kind switch
        {
            DataFieldKind.Text or DataFieldKind.LongText when field.MaxLength is { } max && value.Length > max
                => $"Maak {label} korter: hoogstens {max.ToString("N0", Dutch)} tekens.",
            DataFieldKind.Date => $"Vul bij {label} een bestaande datum in.",
            DataFieldKind.DateTime => $"Vul bij {label} een bestaande datum en tijd in.",
            DataFieldKind.WholeNumber => $"Vul bij {label} een heel getal in{Bounds(field, "N0")}.",
            DataFieldKind.Amount => $"Vul bij {label} een bedrag in euro's in{Bounds(field, "N2")}, zoals 1250,50.",
            DataFieldKind.YesNo => $"Kies ja of nee bij {label}.",
            _ when field.Help is { } help => $"Controleer {label}. {help}",
            DataFieldKind.Choice => $"Kies een van de mogelijkheden bij {label}.",
            _ => $"Controleer {label}.",
        };
    }

    private static string Bounds(DataField field, string format) => (field.Minimum, field.Maximum) switch
    {
        ({ } minimum, { } maximum) => $" van {minimum.ToString(format, Dutch)} tot en met {maximum.ToString(format, Dutch)}",
        ({ } minimum, null) => $" van ten minste {minimum.ToString(format, Dutch)}",
        (null, { } maximum) => $" van hoogstens {maximum.ToString(format, Dutch)}",
        _ => "",
    };
}
