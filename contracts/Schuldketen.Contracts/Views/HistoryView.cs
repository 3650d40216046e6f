namespace Schuldketen.Contracts.Views;

/// <summary>One entry of a trajectory's history as the case handlers see it.</summary>
public sealed record HistoryEntryView(
    long Sequence,
    string Type,
    string Description,
    string Phase,
    DateTimeOffset OccurredAt,
    string Organisation,
    string Role);

/// <summary>The predicted timeline: phases passed, current and coming with their dates, and the running deadlines.</summary>
public sealed record TimelineView(IReadOnlyList<TimelineStepView> Steps, IReadOnlyList<DeadlineView> OpenDeadlines);

public sealed record TimelineStepView(string Phase, string Title, string ResidentText, string Status, DateOnly? Date);

/// <summary>What the caller may send next, and the phase-independent actions open to it; the phase only for audiences that see it.</summary>
public sealed record NextEventsView(string? Phase, IReadOnlyList<NextEventView> Events);

public sealed record NextEventView(string Type, string Description);

/// <summary>
/// A page of a list, as the API Design Rules ask: the items and where the page stands. <see cref="NextCursor"/> (and the
/// <see cref="Next"/> link carrying it) reads on after this page, absent on the last one; <see cref="Page"/> and
/// <see cref="Total"/> only for the deprecated page-numbered reads.
/// </summary>
public sealed record PageView<T>(IReadOnlyList<T> Items, int? Page, int PageSize, long? Total, string? NextCursor)
{
    public string? Next { get; init; }
}
