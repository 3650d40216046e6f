using Microsoft.AspNetCore.Mvc;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Functions.Dashboard;

/// <summary>On the case page: the way to the conversation with the resident, with how many messages the professional's organisation has not read yet.</summary>
public sealed class ConversationLinkViewComponent(ConversationStore conversations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string trajectoryId)
    {
        var organisation = PageSchemes.StaffOf(HttpContext.User)!.Organisation;
        var unread = await conversations.UnreadAsync(organisation, [trajectoryId], HttpContext.RequestAborted);
        return View("/Dashboard/_ConversationLink.cshtml", new ConversationLink(trajectoryId, unread.GetValueOrDefault(trajectoryId)));
    }
}

/// <summary>What <c>_ConversationLink.cshtml</c> shows.</summary>
public sealed record ConversationLink(string TrajectoryId, int Unread);
