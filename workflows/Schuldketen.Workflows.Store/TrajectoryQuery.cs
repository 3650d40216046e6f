using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// Which trajectories an organisation asks for: page numbers start at 1; <see cref="DueBy"/> keeps those with a deadline due on or
/// before that day; <see cref="Contact"/> those where that person of the organisation is the contact.
/// </summary>
public sealed record TrajectoryQuery(
    string Organisation, string? Phase = null, DateOnly? DueBy = null, int Page = 1, int PageSize = 20, string? Contact = null)
{
    /// <summary>Where the previous page ended (newest change first only); when set, the page starts after it and <see cref="Page"/> is not used.</summary>
    public ListPosition? After { get; init; }

    /// <summary>Whether to count every match as well: a read of the whole matching set, so only for page-numbered reads that ask for it.</summary>
    public bool CountAll { get; init; }

    public TrajectoryOrder Order { get; init; } = TrajectoryOrder.NewestChangeFirst;
}

public enum TrajectoryOrder
{
    /// <summary>Last change first, then by id.</summary>
    NewestChangeFirst,

    /// <summary>The earliest running deadline first (so overdue ones lead), those without a deadline last, then by id.</summary>
    EarliestDeadlineFirst,
}

/// <summary>A trajectory's place in the newest-change-first order: the keyset a next page starts after.</summary>
public sealed record ListPosition(long UpdatedAt, string Id)
{
    public static ListPosition Of(TrajectoryRecord trajectory) => new(trajectory.UpdatedAt.ToUnixTimeMilliseconds(), trajectory.Id);
}

/// <summary>
/// A page of trajectories; <see cref="Total"/> only when counted, <see cref="HasMore"/> whether a next page has any, and
/// <see cref="Next"/> where it starts after in the newest-change-first order.
/// </summary>
public sealed record TrajectoryPage(IReadOnlyList<TrajectoryRecord> Items, long? Total, bool HasMore, ListPosition? Next);
