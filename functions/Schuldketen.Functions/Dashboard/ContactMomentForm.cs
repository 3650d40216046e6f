using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Functions.Dashboard;

/// <summary>A contact moment as the case page posts it: channel, subject, and whether the resident was reached.</summary>
public sealed class ContactMomentForm
{
    public const int MaxSubject = 200;

    public string? Channel { get; set; }

    public string? Subject { get; set; }

    /// <summary>"ja" or "nee".</summary>
    public string? Reached { get; set; }

    /// <summary>The event data, or null when a field is missing or wrong.</summary>
    public ContactMomentRecorded? ToData(DateTimeOffset now) =>
        Channels.TryParse(Channel, out var channel) && Channels.Personal.Contains(channel)
        && Subject?.Trim() is { Length: > 0 and <= MaxSubject } subject
        && Reached is "ja" or "nee"
            ? new ContactMomentRecorded(channel, subject, Reached == "ja", now)
            : null;
}
