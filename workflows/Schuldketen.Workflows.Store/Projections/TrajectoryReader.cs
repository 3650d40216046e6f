using Schuldketen.Contracts;
using Schuldketen.Contracts.Views;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Projections;
using Schuldketen.Workflows.Timeline;
using Schuldketen.Workflows.Trajectories;

namespace Schuldketen.Workflows.Store.Projections;

/// <summary>
/// Every read of a trajectory by a partner: only trajectories it takes part in (anything else is
/// "not found"), only its audience's projection, and an audit entry for each read.
/// </summary>
public sealed class TrajectoryReader(
    TrajectoryStore store, AudienceProjector projector, TimelinePredictor predictor, TrajectoryEngine engine, TimeProvider time)
{
    /// <summary>The roles that handle the case and may see its history, timeline and deadlines.</summary>
    public static bool HandlesCase(PartnerRole role) => role is PartnerRole.Municipality or PartnerRole.DebtCounsellor;

    /// <summary>The roles whose projection shows the phase; others must not learn it in any other way either.</summary>
    public static bool SeesPhase(PartnerRole role) => HandlesCase(role) || role is PartnerRole.Court or PartnerRole.Administrator;

    public async Task<TrajectoryView?> ViewAsync(string id, Sender reader, string? traceParent, CancellationToken cancellationToken)
    {
        var visible = await FindAsync(id, reader, "traject-inzien", traceParent, cancellationToken);
        return visible is null ? null : projector.Project(visible.Trajectory, visible.Participants, visible.Timers, reader.Role, Today);
    }

    public async Task<PageView<TrajectoryView>> ListAsync(TrajectoryQuery query, Sender reader, string? traceParent, CancellationToken cancellationToken)
    {
        var (views, page) = await ReadAsync(query, reader, traceParent, cancellationToken);
        var numbered = query.CountAll ? query.Page : (int?)null;
        return new PageView<TrajectoryView>(views, numbered, query.PageSize, page.Total, page.Next is { } next ? ListCursor.Encode(next) : null);
    }

    /// <summary>A page of cases in any order, for pages that link to the next one themselves; only the cases on it are read.</summary>
    public async Task<ViewedPage> PageAsync(TrajectoryQuery query, Sender reader, string? traceParent, CancellationToken cancellationToken)
    {
        var (views, page) = await ReadAsync(query, reader, traceParent, cancellationToken);
        return new ViewedPage(views, page.HasMore);
    }

    private async Task<(List<TrajectoryView> Views, TrajectoryPage Page)> ReadAsync(
        TrajectoryQuery query, Sender reader, string? traceParent, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(query, cancellationToken);
        // Only the case handlers' projection shows participants and deadlines; the others need no more reads.
        var (participants, timers) = await store.CasesOfAsync(HandlesCase(reader.Role) ? page.Items.Select(trajectory => trajectory.Id).ToList() : [],
            cancellationToken);
        var views = page.Items.Select(trajectory => projector.Project(
            trajectory, participants[trajectory.Id].ToList(), timers[trajectory.Id].ToList(), reader.Role, Today)).ToList();

        await store.RecordAsync(page.Items.Select(trajectory => Audit("traject-zoeken", reader, trajectory, traceParent)).ToList(), cancellationToken);
        return (views, page);
    }

    public async Task<IReadOnlyList<HistoryEntryView>?> HistoryAsync(string id, Sender reader, string? traceParent, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, reader, "geschiedenis-inzien", traceParent, cancellationToken) is null)
        {
            return null;
        }

        return (await store.HistoryAsync(id, cancellationToken))
            .Select(entry => new HistoryEntryView(entry.Sequence, entry.EventType, EventCatalogue.Find(entry.EventType)?.Description ?? entry.EventType,
                entry.Phase, entry.OccurredAt, entry.ActorOrganisation, entry.ActorRole))
            .ToList();
    }

    public async Task<TimelineView?> TimelineAsync(string id, Sender reader, string? traceParent, CancellationToken cancellationToken)
    {
        var visible = await FindAsync(id, reader, "tijdlijn-inzien", traceParent, cancellationToken);
        if (visible is null)
        {
            return null;
        }

        var history = (await store.HistoryAsync(id, cancellationToken)).Select(entry => entry.ToTimelineEntry()).ToList();
        var timeline = predictor.Predict(visible.Definition, history, Today);
        return new TimelineView(
            timeline.Steps.Select(step => new TimelineStepView(step.Phase, step.Title, step.ResidentText, step.Status.ToString().ToLowerInvariant(), step.Date)).ToList(),
            AudienceProjector.Deadlines(visible.Definition, visible.Timers, Today));
    }

    public async Task<NextEventsView?> NextEventsAsync(string id, Sender reader, string? traceParent, CancellationToken cancellationToken)
    {
        var visible = await FindAsync(id, reader, "vervolgstappen-inzien", traceParent, cancellationToken);
        if (visible is null)
        {
            return null;
        }

        var closed = visible.Definition.Phase(visible.Trajectory.Phase).Terminal;
        var events = engine.PermittedEventTypes(visible.Definition.Key, visible.Trajectory.Phase, reader.Role)
            .Concat(closed ? [] : TrajectoryEngine.PhaseIndependentEventTypes(reader.Role))
            .Select(type => new NextEventView(type, EventCatalogue.Find(type)?.Description ?? type))
            .ToList();
        return new NextEventsView(SeesPhase(reader.Role) ? visible.Trajectory.Phase : null, events);
    }

    private DateOnly Today => time.GetUtcNow().ToDutchDate();

    private async Task<Visible?> FindAsync(string id, Sender reader, string activity, string? traceParent, CancellationToken cancellationToken)
    {
        var trajectory = await store.FindAsync(id, cancellationToken);
        var participants = trajectory is null ? [] : await store.ParticipantsAsync(id, cancellationToken);
        if (trajectory is null || participants.All(participant => participant.Organisation != reader.Organisation))
        {
            return null;
        }

        await store.RecordAsync([Audit(activity, reader, trajectory, traceParent)], cancellationToken);
        return new Visible(trajectory, participants, await store.TimersAsync(id, cancellationToken), engine.Library.Get(trajectory.Definition));
    }

    private AuditEntry Audit(string activity, Sender reader, TrajectoryRecord trajectory, string? traceParent)
    {
        var trace = TraceContext.Parse(traceParent);
        return new AuditEntry(time.GetUtcNow(), activity, reader.Organisation, reader.Person, trajectory.Id, trajectory.SubjectCipher, "geslaagd",
            trace?.TraceId, trace?.SpanId);
    }

    private sealed record Visible(
        TrajectoryRecord Trajectory, IReadOnlyList<StoredParticipant> Participants, IReadOnlyList<DueTimer> Timers, TrajectoryDefinition Definition);
}

/// <summary>The views of one page and whether another page follows.</summary>
public sealed record ViewedPage(IReadOnlyList<TrajectoryView> Items, bool HasMore);
