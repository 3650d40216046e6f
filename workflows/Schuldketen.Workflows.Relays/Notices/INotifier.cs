using Schuldketen.Workflows.Residents;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Relays.Notices;

/// <summary>
/// Where resident notices go: the portal's inbox in the embedded default, e-mail or SMS in
/// production. A notice may arrive twice after a crash; an adapter drops the repeat by its
/// trajectory, sequence and kind.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(string subjectHash, ResidentNotice notice, CancellationToken cancellationToken);
}
