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
        : NearBy(today) >= dueOn ? RiskLevel.Near
        : RiskLevel.None;

    /// <summary>The last due date still at risk today: a case is at risk when a running deadline is due on or before it.</summary>
    public DateOnly NearBy(DateOnly today) => calendar.AddWorkingDays(today, NearWorkingDays);

    /// <summary>The last due date already passed today.</summary>
    public static DateOnly PassedBy(DateOnly today) => today.AddDays(-1);

    /// <summary>The worst risk among the running deadlines' due dates.</summary>
    public RiskLevel Worst(IEnumerable<DateOnly> dueDates, DateOnly today) =>
        dueDates.Select(dueOn => Of(dueOn, today)).DefaultIfEmpty(RiskLevel.None).Max();
}
