using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Schuldketen.Functions.Demo;
using Schuldketen.Workflows.Store.Conversations;
using static Schuldketen.Api.Tests.Conversations.ConversationHub;

namespace Schuldketen.Api.Tests.Conversations;

/// <summary>
/// One conversation between the resident and their contact person, on the pages: a message each way with a notice to the
/// other side, files handed in and downloaded, and every read and write audited.
/// </summary>
public class ConversationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_message_goes_each_way_with_a_notice_to_the_other_side_and_is_audited(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var resident = await PageVisitor.ResidentAsync(hub, Resident);
        using var counsellor = await PageVisitor.StaffAsync(hub, Counsellor);
        var caseBefore = await counsellor.PageAsync($"/werkplek/traject/{Trajectory}");

        using var asked = await resident.WriteAsync(ResidentConversation(), "Moet ik ook de brief van de woningcorporatie sturen?");
        var caseloadAfterQuestion = await counsellor.PageAsync("/werkplek");
        var caseAfterQuestion = await counsellor.PageAsync($"/werkplek/traject/{Trajectory}");
        var counsellorReads = await counsellor.PageAsync(StaffConversation());
        var caseAfterReading = await counsellor.PageAsync($"/werkplek/traject/{Trajectory}");
        using var answered = await counsellor.WriteAsync(StaffConversation(), "Ja, graag. Stuur ook uw loonstrook van februari.");
        var inbox = await resident.PageAsync("/mijn-schuldhulp/berichten");
        var residentReads = await resident.PageAsync(ResidentConversation());
        var processed = await resident.PageAsync($"/mijn-schuldhulp/traject/{Trajectory}/bekeken");

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(ResidentConversation(), asked.Headers.Location?.OriginalString);
        Assert.DoesNotContain("nieuw bericht voor u", caseBefore, StringComparison.Ordinal);
        Assert.Matches($"{Trajectory}</a>\\s*<br><span aria-hidden=\"true\">✉</span> 1 nieuw bericht", caseloadAfterQuestion);
        Assert.Contains("1 nieuw bericht voor u.", caseAfterQuestion, StringComparison.Ordinal);
        Assert.Contains("Moet ik ook de brief van de woningcorporatie sturen?", counsellorReads, StringComparison.Ordinal);
        Assert.DoesNotContain("nieuw bericht voor u", caseAfterReading, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Nieuw bericht van Jan Jansen van Kredietbank Voorbeeldstad: \"Ja, graag. Stuur ook uw loonstrook van februari.\"", inbox,
            StringComparison.Ordinal);
        Assert.Contains($"href=\"{ResidentConversation()}\"", inbox, StringComparison.Ordinal);
        Assert.True(residentReads.IndexOf("Moet ik ook de brief", StringComparison.Ordinal) < residentReads.IndexOf("Ja, graag.", StringComparison.Ordinal),
            "The resident's conversation does not show the question before the answer.");
        Assert.Contains("Jan Jansen van Kredietbank Voorbeeldstad", residentReads, StringComparison.Ordinal);
        Assert.Contains("Kredietbank Voorbeeldstad</strong>: uw berichten gelezen", processed, StringComparison.Ordinal);
        var audit = await AuditAsync(hub);
        Assert.Contains((ConversationActivities.ResidentWrite, hub.Service<Schuldketen.Workflows.Store.HubIdentity>().Oin, (string?)null), audit);
        Assert.Contains((ConversationActivities.Read, DemoOrganisations.CreditBank.Oin, (string?)"consulent-2"), audit);
        Assert.Contains((ConversationActivities.Write, DemoOrganisations.CreditBank.Oin, (string?)"consulent-2"), audit);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_handed_in_shows_at_the_task_and_downloads_as_an_attachment_for_both_sides_sealed_in_the_store(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var resident = await PageVisitor.ResidentAsync(hub, Resident);
        using var counsellor = await PageVisitor.StaffAsync(hub, Counsellor);
        var file = FormFile.Pdf("loonstrook-februari.pdf", 300 * 1024);
        var taskBefore = await resident.PageAsync($"/mijn-schuldhulp/traject/{Trajectory}");

        using var handedIn = await resident.WriteAsync(ResidentConversation(), "Hierbij mijn loonstrook.", file);
        var task = await resident.PageAsync($"/mijn-schuldhulp/traject/{Trajectory}");
        var residentLink = Assert.Single(DownloadLinks(await resident.PageAsync(ResidentConversation())));
        var staffLink = Assert.Single(DownloadLinks(await counsellor.PageAsync(StaffConversation())));
        using var residentDownload = await resident.GetAsync(residentLink);
        using var staffDownload = await counsellor.GetAsync(staffLink);

        Assert.Equal(HttpStatusCode.Redirect, handedIn.StatusCode);
        Assert.Contains("Lever de papieren in waar uw contactpersoon om vraagt", taskBefore, StringComparison.Ordinal);
        Assert.Contains("U hebt nog geen papieren ingeleverd.", taskBefore, StringComparison.Ordinal);
        Assert.Contains("loonstrook-februari.pdf, op 2 maart 2026 om 10:00", task, StringComparison.Ordinal);
        foreach (var download in new[] { residentDownload, staffDownload })
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("loonstrook-februari.pdf", download.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(file.Content, await download.Content.ReadAsByteArrayAsync());
        }

        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        var stored = Assert.Single(await Dapper.SqlMapper.QueryAsync<byte[]>(connection, "SELECT content FROM attachment_contents"));
        Assert.False(stored.AsSpan().IndexOf("%PDF-"u8) >= 0 || stored.AsSpan().IndexOf("abcdefghijklmnop"u8) >= 0, "The stored file is not sealed.");
        var names = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT file_name FROM attachments");
        Assert.DoesNotContain(names, name => name.Contains("loonstrook", StringComparison.Ordinal));
        Assert.Contains((ConversationActivities.Download, DemoOrganisations.CreditBank.Oin, (string?)"consulent-2"), await AuditAsync(hub));
    }

    [Theory]
    [InlineData("rekening.pdf", "image/png", "Dit bestand heet een PDF, maar is het niet.")]
    [InlineData("foto.jpg", "image/jpeg", "Dit bestand heet een JPG, maar is het niet.")]
    [InlineData("brief.docx", "application/pdf", "U kunt alleen een PDF, JPG of PNG sturen.")]
    public async Task A_file_whose_content_is_not_what_its_name_says_is_refused_at_the_field_and_nothing_is_stored(
        string fileName, string browserType, string error)
    {
        await using var hub = await StartAsync(TestDatabase.Sqlite);
        using var resident = await PageVisitor.ResidentAsync(hub, Resident);
        var content = fileName == "brief.docx" ? FormFile.PdfBytes(1024) : FormFile.PngBytes();
        if (fileName == "foto.jpg")
        {
            content = "MZ\u0090\0 not an image"u8.ToArray();
        }

        using var refused = await resident.WriteAsync(ResidentConversation(), "Mijn papieren.", new FormFile(fileName, browserType, content));
        var page = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Uw bericht is niet verstuurd.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#bestand\">{error}", page, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"utrecht-form-field-error-message\" id=\"bestand-fout\">{error}", page, StringComparison.Ordinal);
        Assert.Contains("Mijn papieren.</textarea>", page, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(hub, "messages"));
        Assert.Equal(0, await CountAsync(hub, "attachments"));
        Assert.Equal(0, await ContentsAsync(hub));
    }

    [Fact]
    public async Task A_file_larger_than_10_MB_is_refused_and_one_of_exactly_10_MB_is_taken()
    {
        await using var hub = await StartAsync(TestDatabase.Sqlite);
        using var resident = await PageVisitor.ResidentAsync(hub, Resident);
        const int tenMegabytes = 10 * 1024 * 1024;

        using var tooLarge = await resident.WriteAsync(ResidentConversation(), "", FormFile.Pdf("afschriften.pdf", tenMegabytes + 1));
        var page = System.Net.WebUtility.HtmlDecode(await tooLarge.Content.ReadAsStringAsync());
        var countAfterRefusal = await CountAsync(hub, "messages");
        using var justFits = await resident.WriteAsync(ResidentConversation(), "", FormFile.Pdf("afschriften.pdf", tenMegabytes));

        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("Het bestand is groter dan 10 MB.", page, StringComparison.Ordinal);
        Assert.Equal(0, countAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, justFits.StatusCode);
        Assert.Equal(1, await CountAsync(hub, "attachments"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_nothing_is_stored()
    {
        await using var hub = await StartAsync(TestDatabase.Sqlite);
        using var resident = await PageVisitor.ResidentAsync(hub, Resident);
        using var counsellor = await PageVisitor.StaffAsync(hub, Counsellor);

        using var residentPost = await resident.WriteAsync(ResidentConversation(), "Zonder token.", FormFile.Pdf("a.pdf"), withToken: false);
        using var staffPost = await counsellor.WriteAsync(StaffConversation(), "Zonder token.", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, residentPost.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, staffPost.StatusCode);
        Assert.Equal("application/problem+json", residentPost.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountAsync(hub, "messages"));
        Assert.Equal(0, await ContentsAsync(hub));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_organisations_conversation_and_files_are_the_same_404_as_an_unknown_id_and_nothing_changes(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var municipality = await PageVisitor.StaffAsync(hub, Municipality);
        using var owner = await PageVisitor.ResidentAsync(hub, OtherResident);
        await owner.WriteAsync(ResidentConversation(OtherTrajectory), "Mijn vraag aan de gemeente.", FormFile.Pdf("huurachterstand.pdf"));
        var link = Assert.Single(DownloadLinks(await municipality.PageAsync(StaffConversation(OtherTrajectory))));
        var attachment = link[(link.LastIndexOf('/') + 1)..];
        using var outsider = await PageVisitor.StaffAsync(hub, CreditBankColleague);
        using var otherResident = await PageVisitor.ResidentAsync(hub, Resident);
        using var unknown = await outsider.GetAsync(StaffConversation("bestaat-niet"));
        var notFound = await ProblemAsync(unknown);
        var auditBefore = await AuditAsync(hub, OtherTrajectory);
        var unreadBefore = await hub.Service<ConversationStore>().UnreadAsync(DemoOrganisations.Municipality.Oin, [OtherTrajectory], default);

        var answers = new List<HttpResponseMessage>
        {
            await outsider.GetAsync(StaffConversation(OtherTrajectory)),
            await outsider.GetAsync($"/werkplek/traject/{OtherTrajectory}/bijlage/{attachment}"),
            await outsider.PostAsync(StaffConversation(OtherTrajectory), Text("Ingebroken."), FormFile.Pdf("a.pdf"), tokenFrom: StaffConversation()),
            await otherResident.GetAsync(ResidentConversation(OtherTrajectory)),
            await otherResident.GetAsync($"/mijn-schuldhulp/traject/{OtherTrajectory}/bijlage/{attachment}"),
            await otherResident.GetAsync($"/mijn-schuldhulp/traject/{Trajectory}/bijlage/{attachment}"),
            await otherResident.PostAsync(ResidentConversation(OtherTrajectory), Text("Ingebroken."), FormFile.Pdf("a.pdf"), tokenFrom: ResidentConversation()),
        };

        foreach (var answer in answers)
        {
            var problem = await ProblemAsync(answer);
            Assert.Equal(notFound.GetProperty("type").GetString(), problem.GetProperty("type").GetString());
            Assert.Equal(notFound.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
            Assert.Equal(notFound.GetProperty("detail").GetString(), problem.GetProperty("detail").GetString());
            answer.Dispose();
        }

        Assert.Equal(1, await CountAsync(hub, "messages", OtherTrajectory));
        Assert.Equal(0, await CountAsync(hub, "messages"));
        Assert.Equal(1, await ContentsAsync(hub));
        Assert.Equal(auditBefore, await AuditAsync(hub, OtherTrajectory));
        Assert.Equal(unreadBefore, await hub.Service<ConversationStore>().UnreadAsync(DemoOrganisations.Municipality.Oin, [OtherTrajectory], default));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_number_that_passes_the_11_check_is_masked_in_the_notice_and_in_every_log_line(string provider)
    {
        await using var hub = await StartAsync(provider);
        var bsn = Residents.Bsns(31_415_926).First();
        var spaced = $"{bsn[..3]} {bsn[3..6]} {bsn[6..]}";
        using var counsellor = await PageVisitor.StaffAsync(hub, Counsellor);
        using var resident = await PageVisitor.ResidentAsync(hub, Resident);

        await counsellor.WriteAsync(StaffConversation(), $"Ik zie BSN {bsn} en ook {spaced} op uw brief. Het bedrag is 123456789 cent.");
        await resident.WriteAsync(ResidentConversation(), $"Mijn nummer is {bsn}.", FormFile.Pdf($"bsn-{bsn}.pdf"));
        var inbox = await resident.PageAsync("/mijn-schuldhulp/berichten");
        var counsellorReads = await counsellor.PageAsync(StaffConversation());

        var notice = Assert.Single(await MessageNoticesAsync(hub));
        Assert.Equal("Nieuw bericht van Jan Jansen van Kredietbank Voorbeeldstad: \"Ik zie BSN ********* en ook ********* op uw brief. Het bedrag is 123456789 cent.\"",
            notice);
        Assert.Contains(notice, inbox, StringComparison.Ordinal);
        Assert.DoesNotContain(bsn, inbox, StringComparison.Ordinal);
        Assert.Contains($"Ik zie BSN {bsn}", counsellorReads, StringComparison.Ordinal);
        Assert.NotEmpty(hub.LogLines);
        Assert.DoesNotContain(hub.LogLines, line => line.Contains(bsn, StringComparison.Ordinal) || line.Contains(spaced, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registered_malware_scanner_that_calls_a_file_unsafe_keeps_it_out()
    {
        await using var hub = await StartAsync(TestDatabase.Sqlite, services: services => services.AddSingleton<IMalwareScanner, EverythingUnsafe>());
        using var resident = await PageVisitor.ResidentAsync(hub, Resident);

        using var refused = await resident.WriteAsync(ResidentConversation(), "Mijn papieren.", FormFile.Pdf("loonstrook.pdf"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("omdat de virusscanner het afkeurt", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(hub, "messages"));
        Assert.Equal(0, await ContentsAsync(hub));
    }

    private static Dictionary<string, string> Text(string text) => new() { ["Form.Text"] = text };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private sealed class EverythingUnsafe : IMalwareScanner
    {
        public Task<bool> IsSafeAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
