namespace Schuldketen.Workflows.Calendar;

public enum TermUnit
{
    Days,
    Weeks,
    Months,
    WorkingDays,
}
