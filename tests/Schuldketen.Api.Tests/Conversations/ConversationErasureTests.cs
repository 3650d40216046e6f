using System.Net;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;
using static Schuldketen.Api.Tests.Conversations.ConversationHub;
using static Schuldketen.Api.Tests.Signals.SignalHub;

namespace Schuldketen.Api.Tests.Conversations;

/// <summary>
/// Messages and handed-in files go with the trajectory's other personal data. The only deletion of a trajectory's
/// personal data the hub has is the retention of an outreach case that led to no help, so that is where they go.
/// </summary>
public class ConversationErasureTests
{
    public static TheoryData<string, string> ProvidersAndStores() => new()
    {
        { TestDatabase.Sqlite, "Database" },
        { TestDatabase.PostgreSql, "Database" },
        { TestDatabase.Sqlite, "Folder" },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndStores))]
    public async Task Messages_and_files_are_deleted_with_the_personal_data_of_the_case(string provider, string attachmentStore)
    {
        var folder = Path.Combine(Path.GetTempPath(), "schuldketen-tests", $"bijlagen{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Schuldketen:Signals:RetentionMonths"] = "1",
            ["Schuldketen:Conversations:AttachmentStore"] = attachmentStore,
            ["Schuldketen:Conversations:AttachmentFolder"] = folder,
        };
        await using var hub = await ConversationHub.StartAsync(provider, settings);
        using (var municipalityApi = Gemeente(hub))
        {
            await ImportAsync(hub, municipalityApi, Csv(Row("verhuurder-1", bsn: Residents.Bsns(27_182_818).First())));
        }

        var outreach = (await SignalsAsync(hub))[0].CaseId!;
        using var municipality = await PageBrowser.StaffAsync(hub, Municipality);
        using var written = await municipality.WriteAsync(StaffConversation(outreach), "Wij willen graag met u praten over de huurachterstand.",
            FormFile.Pdf("brief-huurachterstand.pdf"));
        var kept = await StoredFilesAsync(hub, folder, attachmentStore);
        var inTheOtherStore = attachmentStore == "Folder" ? await ContentsAsync(hub) : Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
        var before = (await CountAsync(hub, "messages", outreach), await CountAsync(hub, "attachments", outreach), (await MessageNoticesAsync(hub, outreach)).Count);
        using (var api = hub.Client(Organisations.Municipality, PartnerRole.Municipality, "medewerker-kcc"))
        {
            await PartnerApi.SendAsync(api, Organisations.Municipality, EventTypes.OutreachClosed, outreach,
                new JsonObject { ["eindresultaat"] = "Inwoner hoeft geen hulp vanuit vroegsignalering" });
        }

        hub.Clock.Advance(TimeSpan.FromDays(40));
        await Poll.UntilAsync(async () => await CountAsync(hub, "messages", outreach) == 0, "the case's messages to be deleted");

        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Equal((1L, 1L, 1), before);
        Assert.Equal(1, kept);
        Assert.Equal(0, inTheOtherStore);
        Assert.Equal(0, await CountAsync(hub, "attachments", outreach));
        Assert.Equal(0, await StoredFilesAsync(hub, folder, attachmentStore));
        Assert.Empty(await MessageNoticesAsync(hub, outreach));
        Assert.Contains(await AuditAsync(hub, outreach), entry => entry.Activity == Schuldketen.Workflows.Store.Conversations.ConversationActivities.Erased);
        // The login of 40 days ago has expired; a new one reads the conversation.
        using var later = await PageBrowser.StaffAsync(hub, Municipality);
        Assert.Contains("Er zijn nog geen berichten.", await later.PageAsync(StaffConversation(outreach)), StringComparison.Ordinal);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The files' sealed contents the attachment store keeps: files in the folder, or rows in the database.</summary>
    private static async Task<long> StoredFilesAsync(HubServer hub, string folder, string attachmentStore) =>
        attachmentStore == "Folder" ? Directory.GetFiles(folder).Length : await ContentsAsync(hub);
}
