using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

/// <summary>Who may see what: only trajectories a partner takes part in, only its audience's projection, and every read audited.</summary>
public class AccessTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_partner_outside_the_trajectory_gets_the_same_404_as_for_an_id_that_does_not_exist(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        using var missing = await municipality.GetAsync("/api/v1/trajectories/bestaat-niet");
        var notFound = await PartnerApi.AssertProblemAsync(missing, HttpStatusCode.NotFound, "niet-gevonden");

        foreach (var (organisation, role) in new[]
                 {
                     (OtherCounsellor, PartnerRole.DebtCounsellor),
                     (OtherMunicipality, PartnerRole.Municipality),
                     (Landlord, PartnerRole.Creditor),
                     (Court, PartnerRole.Court),
                 })
        {
            using var outsider = hub.Client(organisation, role, "buitenstaander");
            using var response = await outsider.GetAsync($"/api/v1/trajectories/{id}");

            var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "niet-gevonden");
            Assert.Equal(notFound.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
            Assert.Equal(notFound.GetProperty("detail").GetString(), problem.GetProperty("detail").GetString());
            Assert.Equal(id, problem.GetProperty("trajectory").GetString());
        }

        using var stranger = hub.Client(OtherCounsellor, PartnerRole.DebtCounsellor, "hulpverlener-9");
        foreach (var read in new[] { "history", "timeline", "next-events" })
        {
            using var response = await stranger.GetAsync($"/api/v1/trajectories/{id}/{read}");
            await PartnerApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "niet-gevonden");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_creditor_linked_by_the_municipality_can_read_the_trajectory(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var creditor = hub.Client(Landlord, PartnerRole.Creditor, "incasso-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        using var before = await creditor.GetAsync($"/api/v1/trajectories/{id}");

        await LinkAsync(municipality, id, Landlord, "schuldeiser");
        using var after = await creditor.GetAsync($"/api/v1/trajectories/{id}");

        await PartnerApi.AssertProblemAsync(before, HttpStatusCode.NotFound, "niet-gevonden");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var view = await after.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("schuldeiser", view.GetProperty("audience").GetString());
        Assert.Equal(id, view.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_creditor_sees_only_that_the_resident_receives_debt_help(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var creditor = hub.Client(Landlord, PartnerRole.Creditor, "incasso-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        await LinkAsync(municipality, id, Landlord, "schuldeiser");
        await LinkAsync(municipality, id, EnergySupplier, "schuldeiser");
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());

        var view = await ReadAsync(creditor, id);

        Assert.Equal(["audience", "closed", "id", "receivesDebtHelp"], PropertyNames(view));
        Assert.Equal("schuldeiser", view.GetProperty("audience").GetString());
        Assert.Equal(id, view.GetProperty("id").GetString());
        Assert.True(view.GetProperty("receivesDebtHelp").GetBoolean());
        Assert.False(view.GetProperty("closed").GetBoolean());
        Assert.DoesNotContain(EnergySupplier, view.GetRawText());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_court_sees_phase_and_start_and_the_outcome_once_set_and_the_creditor_sees_help_ended(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var court = hub.Client(Court, PartnerRole.Court, "griffier-1");
        using var administrator = hub.Client(Administrator, PartnerRole.Administrator, "bewindvoerder-1");
        using var creditor = hub.Client(Landlord, PartnerRole.Creditor, "incasso-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        await LinkAsync(municipality, id, Court, "rechtbank");
        await LinkAsync(municipality, id, Administrator, "bewindvoerder");
        await LinkAsync(municipality, id, Landlord, "schuldeiser");

        var running = await ReadAsync(court, id);
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.Referred, id, new JsonObject { ["referredTo"] = "Budgetcoach van de wijk" });
        var closed = await ReadAsync(court, id);
        var closedForAdministrator = await ReadAsync(administrator, id);
        var closedForCreditor = await ReadAsync(creditor, id);

        Assert.Equal(["audience", "id", "phase", "startedAt"], PropertyNames(running));
        Assert.Equal("rechtspraak", running.GetProperty("audience").GetString());
        Assert.Equal("aanmelding", running.GetProperty("phase").GetProperty("id").GetString());
        Assert.Equal(["audience", "id", "outcome", "phase", "startedAt"], PropertyNames(closed));
        Assert.Equal("afgesloten", closed.GetProperty("phase").GetProperty("id").GetString());
        Assert.Equal("doorverwezen", closed.GetProperty("outcome").GetString());
        Assert.Equal(running.GetProperty("startedAt").GetDateTimeOffset(), closed.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(["audience", "id", "outcome", "phase", "startedAt"], PropertyNames(closedForAdministrator));
        Assert.False(closedForCreditor.GetProperty("receivesDebtHelp").GetBoolean());
        Assert.True(closedForCreditor.GetProperty("closed").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_referring_gp_sees_only_the_status_of_the_referral_and_when_it_changed(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var practice = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner, "huisarts-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        await LinkAsync(municipality, id, GeneralPractice, "huisarts");

        var registered = await ReadAsync(practice, id);
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());
        var inProgress = await ReadAsync(practice, id);

        Assert.Equal(["audience", "id", "status", "updatedAt"], PropertyNames(registered));
        Assert.Equal("verwijzer", registered.GetProperty("audience").GetString());
        Assert.Equal("aangemeld", registered.GetProperty("status").GetString());
        Assert.Equal(["audience", "id", "status", "updatedAt"], PropertyNames(inProgress));
        Assert.Equal("in-behandeling", inProgress.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_municipality_and_the_counsellor_see_phase_deadlines_participants_and_contact(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var counsellor = hub.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        await LinkAsync(municipality, id, Landlord, "schuldeiser");

        foreach (var caseHandler in new[] { municipality, counsellor })
        {
            var view = await ReadAsync(caseHandler, id);

            Assert.Equal("behandelaar", view.GetProperty("audience").GetString());
            Assert.Superset(new HashSet<string> { "audience", "id", "phase", "openDeadlines", "participants", "contact", "startedAt", "updatedAt" },
                PropertyNames(view).ToHashSet());
            Assert.DoesNotContain(PropertyNames(view), name => name.Contains("bsn", StringComparison.OrdinalIgnoreCase)
                                                              || name.Contains("subject", StringComparison.OrdinalIgnoreCase));
            Assert.Equal("aanmelding", view.GetProperty("phase").GetProperty("id").GetString());
            Assert.Equal(["crisis", "eerste-gesprek"],
                view.GetProperty("openDeadlines").EnumerateArray().Select(deadline => deadline.GetProperty("id").GetString()).Order());
            Assert.Equal(
                new[] { $"{Counsellor} schuldhulpverlener", $"{Landlord} schuldeiser", $"{Municipality} gemeente" }.Order(),
                view.GetProperty("participants").EnumerateArray()
                    .Select(participant => $"{participant.GetProperty("organisation").GetString()} {participant.GetProperty("role").GetString()}")
                    .Order());
            Assert.Equal(Counsellor, view.GetProperty("contact").GetProperty("organisation").GetString());
            Assert.Equal(PartnerApi.CounsellorContact, view.GetProperty("contact").GetProperty("name").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task History_and_timeline_are_forbidden_to_partners_that_do_not_handle_the_case(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        await LinkAsync(municipality, id, Landlord, "schuldeiser");
        await LinkAsync(municipality, id, Court, "rechtbank");
        await LinkAsync(municipality, id, GeneralPractice, "huisarts");

        foreach (var (organisation, role) in new[]
                 {
                     (Landlord, PartnerRole.Creditor),
                     (Court, PartnerRole.Court),
                     (GeneralPractice, PartnerRole.GeneralPractitioner),
                 })
        {
            using var partner = hub.Client(organisation, role, "partner-1");
            using var history = await partner.GetAsync($"/api/v1/trajectories/{id}/history");
            using var timeline = await partner.GetAsync($"/api/v1/trajectories/{id}/timeline");

            await PartnerApi.AssertProblemAsync(history, HttpStatusCode.Forbidden, "rol-niet-toegestaan");
            await PartnerApi.AssertProblemAsync(timeline, HttpStatusCode.Forbidden, "rol-niet-toegestaan");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reassigned_counsellor_loses_access_and_the_new_one_gains_it(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var previous = hub.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");
        using var next = hub.Client(OtherCounsellor, PartnerRole.DebtCounsellor, "hulpverlener-9");
        var id = await PartnerApi.RegisterAsync(municipality);
        using var nextBefore = await next.GetAsync($"/api/v1/trajectories/{id}");

        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CounsellorAssigned, id,
            new JsonObject { ["organisation"] = OtherCounsellor, ["contactName"] = "Sanne Bakker" });
        using var previousAfter = await previous.GetAsync($"/api/v1/trajectories/{id}");
        using var previousHistory = await previous.GetAsync($"/api/v1/trajectories/{id}/history");
        using var previousEvent = await PartnerApi.PostEventAsync(previous,
            PartnerEvents.Structured(Counsellor, EventTypes.DroppedOut, id, new JsonObject { ["reason"] = "geen-contact" }));
        var nextAfter = await ReadAsync(next, id);
        var municipalityView = await ReadAsync(municipality, id);

        await PartnerApi.AssertProblemAsync(nextBefore, HttpStatusCode.NotFound, "niet-gevonden");
        await PartnerApi.AssertProblemAsync(previousAfter, HttpStatusCode.NotFound, "niet-gevonden");
        await PartnerApi.AssertProblemAsync(previousHistory, HttpStatusCode.NotFound, "niet-gevonden");
        await PartnerApi.AssertProblemAsync(previousEvent, HttpStatusCode.NotFound, "traject-onbekend");
        Assert.Empty(await ListIdsAsync(previous));
        Assert.Equal([id], await ListIdsAsync(next));
        Assert.Equal(OtherCounsellor, nextAfter.GetProperty("contact").GetProperty("organisation").GetString());
        Assert.Equal("Sanne Bakker", nextAfter.GetProperty("contact").GetProperty("name").GetString());
        var organisations = municipalityView.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("organisation").GetString()).ToList();
        Assert.Contains(OtherCounsellor, organisations);
        Assert.DoesNotContain(Counsellor, organisations);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_municipality_doing_its_own_debt_help_keeps_access_when_an_external_counsellor_takes_over(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var counsellor = hub.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");

        var id = await PartnerApi.RegisterAsync(municipality, counsellor: Municipality);
        var inHouse = await ReadAsync(municipality, id);
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CounsellorAssigned, id,
            new JsonObject { ["organisation"] = Counsellor, ["contactName"] = PartnerApi.CounsellorContact });
        var handedOver = await ReadAsync(municipality, id);
        var forCounsellor = await ReadAsync(counsellor, id);

        Assert.Equal(Municipality, inHouse.GetProperty("contact").GetProperty("organisation").GetString());
        Assert.Equal([id], await ListIdsAsync(municipality));
        Assert.Equal(Counsellor, handedOver.GetProperty("contact").GetProperty("organisation").GetString());
        Assert.Contains(handedOver.GetProperty("participants").EnumerateArray(),
            participant => participant.GetProperty("organisation").GetString() == Municipality && participant.GetProperty("role").GetString() == "gemeente");
        Assert.Equal(id, forCounsellor.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_creditor_or_gp_learns_the_phase_from_no_read(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        await LinkAsync(municipality, id, Landlord, "schuldeiser");
        await LinkAsync(municipality, id, GeneralPractice, "huisarts");
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.FirstConversationHeld, id, PartnerApi.Conversation());

        foreach (var (organisation, role) in new[] { (Landlord, PartnerRole.Creditor), (GeneralPractice, PartnerRole.GeneralPractitioner) })
        {
            using var partner = hub.Client(organisation, role, "partner-1");
            foreach (var read in new[] { $"/api/v1/trajectories/{id}", $"/api/v1/trajectories/{id}/next-events", "/api/v1/trajectories" })
            {
                using var response = await partner.GetAsync(read);
                var body = await response.Content.ReadAsStringAsync();

                Assert.False(body.Contains("besluit-toegang", StringComparison.Ordinal), $"{role} read the phase from {read}: {body}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_filters_tell_a_creditor_or_gp_nothing_about_phase_or_deadlines(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        await LinkAsync(municipality, id, Landlord, "schuldeiser");
        await LinkAsync(municipality, id, GeneralPractice, "huisarts");
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());

        foreach (var (organisation, role) in new[] { (Landlord, PartnerRole.Creditor), (GeneralPractice, PartnerRole.GeneralPractitioner) })
        {
            using var partner = hub.Client(organisation, role, "partner-1");
            foreach (var (actual, other) in new[] { ("phase=eerste-gesprek", "phase=aanmelding"), ("deadlineWithinDays=366", "deadlineWithinDays=0") })
            {
                using var matching = await partner.GetAsync($"/api/v1/trajectories?{actual}");
                using var notMatching = await partner.GetAsync($"/api/v1/trajectories?{other}");

                Assert.Equal(matching.StatusCode, notMatching.StatusCode);
                Assert.Equal(await matching.Content.ReadAsStringAsync(), await notMatching.Content.ReadAsStringAsync());
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_shows_only_the_callers_own_trajectories(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var otherMunicipality = hub.Client(OtherMunicipality, PartnerRole.Municipality, "medewerker-2");
        using var counsellor = hub.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");
        using var otherCounsellor = hub.Client(OtherCounsellor, PartnerRole.DebtCounsellor, "hulpverlener-9");
        using var creditor = hub.Client(Landlord, PartnerRole.Creditor, "incasso-1");
        var first = await PartnerApi.RegisterAsync(municipality, "111222333");
        var second = await PartnerApi.RegisterAsync(municipality, "123456782");
        var elsewhere = await PartnerApi.RegisterAsync(otherMunicipality, "367418253", OtherCounsellor);
        await LinkAsync(municipality, second, Landlord, "schuldeiser");

        Assert.Equal(new[] { first, second }.Order(), (await ListIdsAsync(municipality)).Order());
        Assert.Equal([elsewhere], await ListIdsAsync(otherMunicipality));
        Assert.Equal(new[] { first, second }.Order(), (await ListIdsAsync(counsellor)).Order());
        Assert.Equal([elsewhere], await ListIdsAsync(otherCounsellor));
        Assert.Equal([second], await ListIdsAsync(creditor));
        var creditorPage = await GetJsonAsync(creditor, "/api/v1/trajectories");
        Assert.Equal(1, creditorPage.GetProperty("items").GetArrayLength());
        Assert.False(creditorPage.TryGetProperty("nextCursor", out _));
        Assert.Equal(["audience", "closed", "id", "receivesDebtHelp"], PropertyNames(creditorPage.GetProperty("items")[0]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_refuses_page_zero_naming_page(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var response = await municipality.GetAsync("/api/v1/trajectories?page=0");

        var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldige-parameter");
        Assert.Equal(["page"], PartnerApi.InvalidParamNames(problem));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_names_every_query_parameter_out_of_range(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var response = await municipality.GetAsync("/api/v1/trajectories?pageSize=101&deadlineWithinDays=-1");

        var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldige-parameter");
        Assert.Equal(["pageSize", "deadlineWithinDays"], PartnerApi.InvalidParamNames(problem));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Following_the_next_links_lists_every_trajectory_once_newest_change_first_and_the_deprecated_pages_still_count(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var registered = new List<string>();
        foreach (var bsn in new[] { "111222333", "123456782", "367418253", "111222345", "111222357" })
        {
            registered.Add(await PartnerApi.RegisterAsync(municipality, bsn));
        }

        // The first one changes last, so it leads the list.
        hub.Clock.Advance(TimeSpan.FromMinutes(1));
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.CrisisCheckCompleted, registered[0], PartnerApi.NoCrisis());
        var listed = new List<string>();
        var pages = 0;
        for (var path = "/api/v1/trajectories?pageSize=2"; ; pages++)
        {
            var page = await GetJsonAsync(municipality, path);
            Assert.False(page.TryGetProperty("total", out _));
            listed.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
            if (!page.TryGetProperty("next", out var next))
            {
                Assert.False(page.TryGetProperty("nextCursor", out _));
                break;
            }

            Assert.Contains($"cursor={Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!)}", next.GetString(), StringComparison.Ordinal);
            path = next.GetString()!;
        }

        var numbered = await GetJsonAsync(municipality, "/api/v1/trajectories?page=2&pageSize=2");
        Assert.Equal(2, pages);
        Assert.Equal(registered[0], listed[0]);
        Assert.Equal(registered.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal((5L, 2), (numbered.GetProperty("total").GetInt64(), numbered.GetProperty("page").GetInt32()));
        Assert.Equal(listed[2..4], numbered.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
    }

    [Theory]
    [InlineData("bm90LWEtY3Vyc29y")]
    [InlineData("v1:1:x")]
    [InlineData("djE6MTIzOg")]
    public async Task A_cursor_the_hub_did_not_give_out_is_refused_naming_cursor(string cursor)
    {
        await using var hub = await HubServer.StartAsync(TestDatabase.Sqlite);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var response = await municipality.GetAsync($"/api/v1/trajectories?cursor={cursor}");
        using var both = await municipality.GetAsync($"/api/v1/trajectories?cursor={cursor}&page=2");

        var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldige-parameter");
        Assert.Equal(["cursor"], PartnerApi.InvalidParamNames(problem));
        Assert.Contains("nextCursor", problem.GetProperty("invalidParams")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var twice = await PartnerApi.AssertProblemAsync(both, HttpStatusCode.BadRequest, "ongeldige-parameter");
        Assert.Equal(["cursor", "page"], PartnerApi.InvalidParamNames(twice));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_page_far_beyond_the_last_is_empty(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        await PartnerApi.RegisterAsync(municipality);

        var page = await GetJsonAsync(municipality, $"/api/v1/trajectories?page={int.MaxValue}");

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(int.MaxValue, page.GetProperty("page").GetInt32());
        Assert.Equal(1, page.GetProperty("total").GetInt64());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_read_writes_an_audit_entry_with_the_reader_and_the_trace_it_sent(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var counsellor = hub.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");
        using var creditor = hub.Client(Landlord, PartnerRole.Creditor, "incasso-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        await LinkAsync(municipality, id, Landlord, "schuldeiser");
        var reads = new[]
        {
            (Client: counsellor, Path: $"/api/v1/trajectories/{id}", Activity: "traject-inzien", Organisation: Counsellor, Person: "hulpverlener-1"),
            (Client: counsellor, Path: $"/api/v1/trajectories/{id}/history", Activity: "geschiedenis-inzien", Organisation: Counsellor, Person: "hulpverlener-1"),
            (Client: counsellor, Path: $"/api/v1/trajectories/{id}/timeline", Activity: "tijdlijn-inzien", Organisation: Counsellor, Person: "hulpverlener-1"),
            (Client: counsellor, Path: $"/api/v1/trajectories/{id}/next-events", Activity: "vervolgstappen-inzien", Organisation: Counsellor, Person: "hulpverlener-1"),
            (Client: counsellor, Path: "/api/v1/trajectories", Activity: "traject-zoeken", Organisation: Counsellor, Person: "hulpverlener-1"),
            (Client: creditor, Path: $"/api/v1/trajectories/{id}", Activity: "traject-inzien", Organisation: Landlord, Person: "incasso-1"),
        };
        var sent = new List<string>();

        foreach (var read in reads)
        {
            var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            using var request = new HttpRequestMessage(HttpMethod.Get, read.Path);
            request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..16]}-01");
            using var response = await read.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            sent.Add(traceId);
        }

        var audit = await hub.Store.AuditOfTrajectoryAsync(id);
        foreach (var (read, traceId) in reads.Zip(sent))
        {
            var entry = Assert.Single(audit, entry => entry.TraceId == traceId);
            Assert.Equal(read.Activity, entry.Activity);
            Assert.Equal(read.Organisation, entry.ActorOrganisation);
            Assert.Equal(read.Person, entry.ActorPerson);
            Assert.Equal(id, entry.TrajectoryId);
            Assert.False(string.IsNullOrEmpty(entry.SpanId));
        }
    }

    private static Task LinkAsync(HttpClient municipality, string id, string organisation, string role) =>
        PartnerApi.SendAsync(municipality, Municipality, EventTypes.ParticipantLinked, id,
            new JsonObject { ["organisation"] = organisation, ["role"] = role });

    private static Task<JsonElement> ReadAsync(HttpClient client, string id) => GetJsonAsync(client, $"/api/v1/trajectories/{id}");

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<IReadOnlyList<string>> ListIdsAsync(HttpClient client) =>
        (await GetJsonAsync(client, "/api/v1/trajectories")).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToList();

    private static IReadOnlyList<string> PropertyNames(JsonElement view) =>
        view.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal).ToList();
}
