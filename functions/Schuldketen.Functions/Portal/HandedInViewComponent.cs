using Microsoft.AspNetCore.Mvc;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// On the resident's trajectory page, under what to do now: the way to their contact person, and when the task asks for
/// papers (<see cref="ResidentTask.HandIn"/>) what they handed in and when.
/// </summary>
public sealed class HandedInViewComponent(ConversationStore conversations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string trajectoryId, ResidentTask? task) =>
        View("/Portal/_HandedIn.cshtml", new HandedIn(
            trajectoryId,
            task is { HandIn: true },
            task is { HandIn: true } ? await conversations.HandedInAsync(trajectoryId, HttpContext.RequestAborted) : []));
}

/// <summary>What <c>_HandedIn.cshtml</c> shows.</summary>
public sealed record HandedIn(string TrajectoryId, bool TaskAsksForPapers, IReadOnlyList<StoredAttachment> Files);
