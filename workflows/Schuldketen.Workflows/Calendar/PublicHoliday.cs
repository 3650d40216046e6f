namespace Schuldketen.Workflows.Calendar;

public sealed record PublicHoliday(DateOnly Date, string Name);
