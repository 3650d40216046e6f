using System.Globalization;

namespace Schuldketen.Workflows.Calendar;

public readonly record struct TermLength(int Amount, TermUnit Unit)
{
    public override string ToString()
    {
        var singular = Amount == 1;
        var unit = Unit switch
        {
            TermUnit.Days => singular ? "dag" : "dagen",
            TermUnit.Weeks => singular ? "week" : "weken",
            TermUnit.Months => singular ? "maand" : "maanden",
            TermUnit.WorkingDays => singular ? "werkdag" : "werkdagen",
            _ => throw new InvalidOperationException($"Unknown term unit {Unit}."),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Amount} {unit}");
    }
}
