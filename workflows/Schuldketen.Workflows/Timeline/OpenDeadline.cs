using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Timeline;

/// <summary>A running clock: started on <see cref="StartedOn"/>, due at the end of <see cref="DueOn"/>.</summary>
public sealed record OpenDeadline(Deadline Deadline, DateOnly StartedOn, DateOnly DueOn)
{
    /// <summary>The instant the deadline has passed: the start of the Dutch day after the due date.</summary>
    public DateTimeOffset ExpiresAt => DutchTime.StartOfDay(DueOn.AddDays(1));

    public bool IsOverdue(DateOnly today) => today > DueOn;
}
