using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Fhir;
using static Schuldketen.Fhir.Tests.FhirClient;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Fhir.Tests.FhirHub;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace Schuldketen.Fhir.Tests;

/// <summary>
/// The referral's Task follows the trajectory as the municipality, the debt counsellor and the court move
/// it with their events, and the GP sees only status and dates: never amounts, creditors, partners or phases.
/// </summary>
public class StatusWalkTests
{
    private const string PatchMediaType = "application/json-patch+json";

    /// <summary>What the case handlers know and a GP must never read in its Task.</summary>
    private static readonly string[] Private =
    [
        Referral.Bsn, "23150", "totalDebt", "creditorCount", "monthlyRepaymentCapacity", "planSummary", "Stabiliseren", "schuldbemiddeling",
        Counsellor, Court, "Fatima", "aanmelding", "eerste-gesprek", "besluit-toegang", "bezwaar", "stabilisatie", "schuldregeling", "moratorium",
        "aflossing", "nazorg", "geregeld", "schone-lei", "uitval",
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task The_task_walks_from_requested_to_completed_with_the_trajectory_and_shows_the_gp_status_and_dates_only(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        var walk = await Walk.StartAsync(hub);

        await walk.ExpectAsync(TaskStatus.Requested);
        await walk.SendAsync(Municipality, EventTypes.CrisisCheckCompleted, new { crisis = false });
        await walk.ExpectAsync(TaskStatus.Accepted);
        await walk.SendAsync(Municipality, EventTypes.FirstConversationHeld, new { heldAt = walk.Now });
        await walk.ExpectAsync(TaskStatus.InProgress);
        await walk.SendAsync(Municipality, EventTypes.AccessRefused, new { decidedOn = walk.Today, reason = "Eerder traject binnen vijf jaar beëindigd." });
        var rejected = await walk.ExpectAsync(TaskStatus.Rejected);
        await walk.SendAsync(Municipality, EventTypes.ObjectionFiled, new { receivedOn = walk.Today });
        await walk.ExpectAsync(TaskStatus.OnHold);
        await walk.SendAsync(Municipality, EventTypes.ObjectionUpheld, new { decidedOn = walk.Today });
        await walk.ExpectAsync(TaskStatus.InProgress);
        await walk.SendAsync(Municipality, EventTypes.CounsellorAssigned, new { organisation = Counsellor, contactName = "Fatima de Vries" });
        await walk.SendAsync(Counsellor, EventTypes.StabilisationCompleted, new { creditorCount = 14, totalDebt = 23150.75, monthlyRepaymentCapacity = 180 });
        await walk.ExpectAsync(TaskStatus.InProgress);
        await walk.SendAsync(Municipality, EventTypes.ParticipantLinked, new { organisation = Court, role = "rechtbank" });
        await walk.SendAsync(Court, EventTypes.MoratoriumGranted, new { until = "2026-12-31" });
        await walk.ExpectAsync(TaskStatus.OnHold);
        await walk.SendAsync(Court, EventTypes.MoratoriumEnded, new { endedOn = walk.Today });
        await walk.SendAsync(Counsellor, EventTypes.SettlementAgreed, new { form = "schuldbemiddeling", startsOn = walk.Today });
        await walk.SendAsync(Counsellor, EventTypes.RepaymentCompleted, new { completedOn = walk.Today });
        await walk.ExpectAsync(TaskStatus.InProgress);
        await walk.SendAsync(Counsellor, EventTypes.AftercareCompleted, new { outcome = "geregeld" });
        var completed = await walk.ExpectAsync(TaskStatus.Completed);

        Assert.Equal("De gemeente heeft besloten geen schuldhulp te geven.", rejected.StatusReason?.Text);
        var output = Assert.Single(completed.Output);
        var result = Assert.IsType<CodeableConcept>(output.Value);
        Assert.Equal("schuldhulp-afgerond", result.Coding.Single().Code);
        Assert.Equal(completed.LastModified, completed.ExecutionPeriod?.End);
        Assert.All(walk.Seen, json => Assert.All(Private, secret => Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task A_resident_who_drops_out_fails_the_task_and_a_refusal_upheld_after_objection_rejects_it(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        var droppedOut = await Walk.StartAsync(hub, "111222333");
        var refused = await Walk.StartAsync(hub, "123456782");

        await droppedOut.SendAsync(Municipality, EventTypes.DroppedOut, new { reason = "geen-contact" });
        await refused.SendAsync(Municipality, EventTypes.CrisisCheckCompleted, new { crisis = false });
        await refused.SendAsync(Municipality, EventTypes.FirstConversationHeld, new { heldAt = refused.Now });
        await refused.SendAsync(Municipality, EventTypes.AccessRefused, new { decidedOn = refused.Today, reason = "Geen problematische schulden." });
        await refused.SendAsync(Municipality, EventTypes.ObjectionFiled, new { receivedOn = refused.Today });
        await refused.SendAsync(Municipality, EventTypes.ObjectionDismissed, new { decidedOn = refused.Today });

        var failed = await droppedOut.ExpectAsync(TaskStatus.Failed);
        var rejected = await refused.ExpectAsync(TaskStatus.Rejected);
        Assert.Equal("De inwoner is gestopt met de schuldhulp.", failed.StatusReason?.Text);
        Assert.NotNull(rejected.StatusReason);
        Assert.Empty(failed.Output);
        Assert.All(droppedOut.Seen.Concat(refused.Seen), json => Assert.All(Private, secret => Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task The_municipality_cancels_by_referring_the_resident_elsewhere(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        var walk = await Walk.StartAsync(hub);

        await walk.SendAsync(Municipality, EventTypes.Referred, new { referredTo = "Maatschappelijk werk" });

        var cancelled = await walk.ExpectAsync(TaskStatus.Cancelled);
        Assert.Equal("De inwoner is doorverwezen naar andere hulp.", cancelled.StatusReason?.Text);
        Assert.DoesNotContain("Maatschappelijk", walk.Seen.Last());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task The_gp_cancels_its_referral_which_ends_its_link_but_not_the_residents_trajectory(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        var walk = await Walk.StartAsync(hub);
        await walk.SendAsync(Municipality, EventTypes.CrisisCheckCompleted, new { crisis = false });

        using var response = await walk.Gp.PatchAsync($"/fhir/r4/Task/{walk.TaskId}", Json("""[{"op":"replace","path":"/status","value":"cancelled"}]""", PatchMediaType));
        var cancelled = await ReadAsync<Hl7.Fhir.Model.Task>(response, HttpStatusCode.OK);
        using var again = await walk.Gp.PatchAsync($"/fhir/r4/Task/{walk.TaskId}", Json("""[{"op":"replace","path":"/status","value":"cancelled"}]""", PatchMediaType));
        await walk.SendAsync(Municipality, EventTypes.FirstConversationHeld, new { heldAt = walk.Now });
        var afterwards = await walk.ExpectAsync(TaskStatus.Cancelled);
        var view = await walk.Municipality.GetFromJsonAsync<JsonObject>($"/api/v1/trajectories/{walk.Trajectory}");
        var history = await walk.Municipality.GetFromJsonAsync<JsonArray>($"/api/v1/trajectories/{walk.Trajectory}/history");

        Assert.Equal(TaskStatus.Cancelled, cancelled.Status);
        Assert.Equal(TaskStatusMap.CancelledByReferrer, cancelled.StatusReason?.Text);
        Assert.Equal(TaskStatus.Cancelled, (await ReadAsync<Hl7.Fhir.Model.Task>(again, HttpStatusCode.OK)).Status);
        Assert.Equal(cancelled.LastModified, afterwards.LastModified);
        Assert.Equal("besluit-toegang", view!["phase"]!["id"]!.GetValue<string>());
        var unlinked = Assert.Single(history!, entry => entry!["type"]!.GetValue<string>() == EventTypes.ParticipantUnlinked)!;
        Assert.Equal("hub", unlinked["role"]!.GetValue<string>());
        Assert.Equal(EventTypes.FirstConversationHeld, history!.Last()!["type"]!.GetValue<string>());
        Assert.Empty(await TrajectoriesAsync(walk.Gp));
        using var read = await walk.Gp.GetAsync($"/api/v1/trajectories/{walk.Trajectory}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task A_closed_referral_cannot_be_cancelled_any_more(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        var walk = await Walk.StartAsync(hub);
        await walk.SendAsync(Municipality, EventTypes.DroppedOut, new { reason = "geen-contact" });

        using var response = await walk.Gp.PatchAsync($"/fhir/r4/Task/{walk.TaskId}", Json("""[{"op":"replace","path":"/status","value":"cancelled"}]""", PatchMediaType));

        var outcome = await OutcomeAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("failed", outcome.Issue.Single().Diagnostics);
        await walk.ExpectAsync(TaskStatus.Failed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task The_gp_finds_its_tasks_by_owner_status_and_last_update(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        var moving = await Walk.StartAsync(hub, "111222333");
        var waiting = await Walk.StartAsync(hub, "123456782");
        var elsewhere = await Walk.StartAsync(hub, "999999990", "1011 AB");
        var before = hub.Clock.GetUtcNow();
        hub.Clock.Advance(TimeSpan.FromHours(1));
        await moving.SendAsync(Municipality, EventTypes.CrisisCheckCompleted, new { crisis = false });

        async Task<IReadOnlyList<string>> Search(string query) =>
            (await ReadAsync<Bundle>(await moving.Gp.GetAsync($"/fhir/r4/Task{query}"), HttpStatusCode.OK)).Entry
            .Select(entry => IdOf(Assert.IsType<Hl7.Fhir.Model.Task>(entry.Resource)))
            .ToList();

        Assert.Equal([moving.TaskId, waiting.TaskId, elsewhere.TaskId], await Search(string.Empty));
        Assert.Equal([moving.TaskId], await Search("?status=accepted"));
        Assert.Equal([waiting.TaskId, elsewhere.TaskId], await Search("?status=requested"));
        Assert.Equal([moving.TaskId, waiting.TaskId], await Search($"?owner={Municipality}"));
        Assert.Equal([elsewhere.TaskId], await Search($"?owner=urn:nld:oin|{ThirdMunicipality}"));
        Assert.Equal([moving.TaskId], await Search($"?_lastUpdated=gt{Uri.EscapeDataString(before.ToString("o"))}"));
        Assert.Equal([waiting.TaskId], await Search($"?owner={Municipality}&status=requested,cancelled&_lastUpdated=le{Uri.EscapeDataString(before.ToString("o"))}"));
    }

    /// <summary>One referral and its trajectory, moved one day at a time; every Task the GP read is kept as JSON.</summary>
    private sealed class Walk
    {
        private readonly HubServer hub;
        private readonly Dictionary<string, HttpClient> partners;

        private Walk(HubServer hub, string taskId, string trajectory)
        {
            this.hub = hub;
            TaskId = taskId;
            Trajectory = trajectory;
            Gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
            Municipality = hub.Client(Organisations.Municipality, PartnerRole.Municipality, "medewerker-1");
            partners = new Dictionary<string, HttpClient>
            {
                [Organisations.Municipality] = Municipality,
                [Counsellor] = hub.Client(Counsellor, PartnerRole.DebtCounsellor, "consulent-1"),
                [Court] = hub.Client(Court, PartnerRole.Court),
            };
        }

        public string TaskId { get; }

        public string Trajectory { get; }

        public HttpClient Gp { get; }

        public HttpClient Municipality { get; }

        public List<string> Seen { get; } = [];

        public DateTimeOffset Now => hub.Clock.GetUtcNow();

        public string Today => DateOnly.FromDateTime(Now.UtcDateTime).ToString("yyyy-MM-dd");

        public static async Task<Walk> StartAsync(HubServer hub, string bsn = Referral.Bsn, string postcode = "3511 AB")
        {
            using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
            var before = await TrajectoriesAsync(gp);
            var (task, _) = await TaskOfTransactionAsync(await PostBundleAsync(gp, new Referral(bsn, postcode, identifier: $"walk-{Guid.NewGuid():N}")));
            var trajectory = (await TrajectoriesAsync(gp)).Single(id => !before.Contains(id));
            hub.Clock.Advance(TimeSpan.FromDays(1));
            return new Walk(hub, IdOf(task), trajectory);
        }

        public async System.Threading.Tasks.Task SendAsync(string organisation, string type, object data)
        {
            await FhirClient.SendAsync(partners[organisation], organisation, Trajectory, type, data, Now);
            hub.Clock.Advance(TimeSpan.FromDays(1));
        }

        public async Task<Hl7.Fhir.Model.Task> ExpectAsync(TaskStatus status)
        {
            using var response = await Gp.GetAsync($"/fhir/r4/Task/{TaskId}");
            Seen.Add(await response.Content.ReadAsStringAsync());
            var task = await ReadAsync<Hl7.Fhir.Model.Task>(response, HttpStatusCode.OK);
            Assert.Equal(status, task.Status);
            return task;
        }
    }
}
