using Schuldketen.Workflows.Relays.Notices;
using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Store.Residents;

namespace Schuldketen.Functions.Portal;

/// <summary>The embedded default's notifier: keeps each notice in the resident's inbox ("Berichten") instead of sending e-mail or SMS.</summary>
public sealed class InboxNotifier(NoticeStore notices) : INotifier
{
    public Task NotifyAsync(string subjectHash, ResidentNotice notice, CancellationToken cancellationToken) =>
        notices.KeepAsync(subjectHash, notice, cancellationToken);
}
