using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store;

/// <summary>
/// Which trajectories an organisation asks for: page numbers start at 1; <see cref="DueBy"/> keeps those with a deadline due on or
/// before that day; <see cref="Contact"/> those where that person of the organisation is the contact.
/// </summary>
public sealed record TrajectoryQuery(
    string Organisation, string? Phase = null, DateOnly? DueBy = null, int Page = 1, int PageSize = 20, string? Contact = null);

public sealed record TrajectoryPage(IReadOnlyList<TrajectoryRecord> Items, long Total);
