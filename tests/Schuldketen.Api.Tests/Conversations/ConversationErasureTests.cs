using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Schuldketen.Contracts;
using static Schuldketen.Api.Tests.Conversations.ConversationHub;
using static Schuldketen.Api.Tests.Signals.SignalHub;

namespace Schuldketen.Api.Tests.Conversations;

/// <summary>
/// Messages and handed-in files go with the trajectory's other personal data, from whichever attachment store keeps the
/// files. The only deletion of a trajectory's personal data the hub has is the retention of an outreach case that led to
/// no help, so that is where they go.
/// </summary>
public class ConversationErasureTests
{
    public static TheoryData<string, string> ProvidersAndStores() => new()
    {
        { TestDatabase.Sqlite, "Database" },
        { TestDatabase.PostgreSql, "Database" },
        { TestDatabase.Sqlite, "Folder" },
        { TestDatabase.PostgreSql, "Blob" },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndStores))]
    public async Task Messages_and_files_are_deleted_with_the_personal_data_of_the_case(string provider, string attachmentStore)
    {
        var folder = Path.Combine(Path.GetTempPath(), "schuldketen-tests", $"bijlagen{Guid.NewGuid():N}");
        var container = attachmentStore == "Blob" ? await TestBlobStorage.NewContainerAsync() : null;
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Schuldketen:Signals:RetentionMonths"] = "1",
            ["Schuldketen:Conversations:AttachmentStore"] = attachmentStore,
            ["Schuldketen:Conversations:AttachmentFolder"] = folder,
            ["Schuldketen:Conversations:AttachmentContainer"] = container?.GenerateSasUri(
                BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Write | BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Delete,
                DateTimeOffset.UtcNow.AddHours(1)).ToString(),
        };
        await using var hub = await ConversationHub.StartAsync(provider, settings);
        using (var municipalityApi = Gemeente(hub))
        {
            await ImportAsync(hub, municipalityApi, Csv(Row("verhuurder-1", bsn: Residents.Bsns(27_182_818).First())));
        }

        var outreach = (await SignalsAsync(hub))[0].CaseId!;
        using var municipality = await PageVisitor.StaffAsync(hub, Municipality);
        using var written = await municipality.WriteAsync(StaffConversation(outreach), "Wij willen graag met u praten over de huurachterstand.",
            FormFile.Pdf("brief-huurachterstand.pdf"));
        var kept = await StoredFilesAsync(hub, attachmentStore, folder, container);
        var inTheDatabase = await ContentsAsync(hub);
        var inTheFolder = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
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
        Assert.Equal(attachmentStore == "Database" ? 1 : 0, inTheDatabase);
        Assert.Equal(attachmentStore == "Folder" ? 1 : 0, inTheFolder);
        Assert.Equal(0, await CountAsync(hub, "attachments", outreach));
        Assert.Equal(0, await StoredFilesAsync(hub, attachmentStore, folder, container));
        Assert.Empty(await MessageNoticesAsync(hub, outreach));
        Assert.Contains(await AuditAsync(hub, outreach), entry => entry.Activity == Schuldketen.Workflows.Store.Conversations.ConversationActivities.Erased);
        // The login of 40 days ago has expired; a new one reads the conversation.
        using var later = await PageVisitor.StaffAsync(hub, Municipality);
        Assert.Contains("Er zijn nog geen berichten.", await later.PageAsync(StaffConversation(outreach)), StringComparison.Ordinal);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        if (container is not null)
        {
            await container.DeleteAsync();
        }
    }

    /// <summary>The files' sealed contents the attachment store keeps: rows in the database, files in the folder, or blobs.</summary>
    private static async Task<long> StoredFilesAsync(HubServer hub, string attachmentStore, string folder, BlobContainerClient? container) =>
        attachmentStore switch
        {
            "Folder" => Directory.GetFiles(folder).Length,
            "Blob" => await container!.GetBlobsAsync().CountAsync(),
            _ => await ContentsAsync(hub),
        };
}
