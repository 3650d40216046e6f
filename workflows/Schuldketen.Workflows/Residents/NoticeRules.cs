using System.Text.Json;
using Schuldketen.Workflows.Definitions;

namespace Schuldketen.Workflows.Residents;

/// <summary>
/// Which changes a resident hears of: every new phase, a task for them in that phase, and every
/// deadline an organisation let pass. Everything else (a note, a partner linked) is work behind the scenes.
/// </summary>
public static class NoticeRules
{
    public static IReadOnlyList<ResidentNotice> For(TrajectoryDefinition definition, NoticeSource entry)
    {
        var notices = new List<ResidentNotice>();
        if (entry.Phase != entry.PreviousPhase)
        {
            var phase = definition.Phase(entry.Phase);
            notices.Add(Notice(entry, NoticeKind.NewPhase, $"Uw traject is bij een nieuwe stap: {phase.Title}. {phase.ResidentText}"));
            if (phase.ResidentTask is { MustAct: true } task)
            {
                notices.Add(Notice(entry, NoticeKind.Task, $"U moet iets doen: {task.Text}"));
            }
        }

        if (PassedDeadline(definition, entry) is { } deadline)
        {
            notices.Add(Notice(entry, NoticeKind.DeadlinePassed,
                $"De termijn \"{deadline.Title}\" is voorbij. {WhoWasLate(deadline.Responsible)} heeft dit niet op tijd gedaan. U hoeft daarvoor niets te doen."));
        }

        return notices;
    }

    private static Deadline? PassedDeadline(TrajectoryDefinition definition, NoticeSource entry)
    {
        if (definition.Deadlines.All(deadline => deadline.OnExpiry != entry.EventType) || !entry.Data.Contains("termijn", StringComparison.Ordinal))
        {
            return null;
        }

        using var data = JsonDocument.Parse(entry.Data);
        return data.RootElement.ValueKind == JsonValueKind.Object && data.RootElement.TryGetProperty("termijn", out var id)
            ? definition.Deadlines.FirstOrDefault(deadline => deadline.Id == id.GetString())
            : null;
    }

    private static string WhoWasLate(string role) => role switch
    {
        "gemeente" => "De gemeente",
        "schuldhulpverlener" => "Uw schuldhulpverlener",
        "rechtbank" => "De rechtbank",
        "bewindvoerder" => "Uw bewindvoerder",
        _ => "Een organisatie",
    };

    private static ResidentNotice Notice(NoticeSource entry, NoticeKind kind, string text) =>
        new(entry.TrajectoryId, entry.Sequence, kind, text, entry.OccurredAt);
}

/// <summary>One history entry as the notice rules need it: the phase before and after, and the event's data.</summary>
public sealed record NoticeSource(
    string TrajectoryId, long Sequence, string EventType, string Phase, string? PreviousPhase, string Data, DateTimeOffset OccurredAt);
