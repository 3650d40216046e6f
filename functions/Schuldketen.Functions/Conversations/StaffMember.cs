using System.Security.Claims;
using Schuldketen.Functions.Auth;
using Schuldketen.Workflows.Conversations;

namespace Schuldketen.Functions.Conversations;

/// <summary>The logged-in professional as a member of a conversation, with the name the resident reads above their messages.</summary>
public static class StaffMember
{
    public static ConversationMember.Professional Of(ClaimsPrincipal user)
    {
        var caller = PageSchemes.StaffOf(user)!;
        return new ConversationMember.Professional(caller.Organisation, caller.Role, caller.Person!, user.Identity?.Name ?? caller.Person!);
    }
}
