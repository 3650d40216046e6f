using Schuldketen.Workflows.Calendar;

namespace Schuldketen.Workflows.Workplace;

/// <summary>
/// When a case is at risk: a running deadline is due within <see cref="NearWorkingDays"/> Dutch
/// working days (counted as the Algemene termijnenwet does), or has passed.
/// </summary>
public sealed class DeadlineRisk(LegalCalendar calendar)
{
    public const int NearWorkingDays = 5;

    public RiskLevel Of(DateOnly dueOn, DateOnly today) =>
        today > dueOn ? RiskLevel.Passed
        : calendar.AddWorkingDays(today, NearWorkingDays) >= dueOn ? RiskLevel.Near
        : RiskLevel.None;

    /// <summary>The worst risk among the running deadlines' due dates.</summary>
    public RiskLevel Worst(IEnumerable<DateOnly> dueDates, DateOnly today) =>
        dueDates.Select(dueOn => Of(dueOn, today)).DefaultIfEmpty(RiskLevel.None).Max();
}
