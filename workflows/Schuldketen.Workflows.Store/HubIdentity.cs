namespace Schuldketen.Workflows.Store;

/// <summary>The hub as the sender of the events it raises itself, such as a passed deadline.</summary>
public sealed record HubIdentity(string Oin)
{
    /// <summary>The CloudEvents <c>source</c> of the hub's own events (NL GOV profile: a URN with the OIN).</summary>
    public string Source => $"urn:nld:oin:{Oin}:systeem:schuldketen";
}
