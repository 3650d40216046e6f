using Azure.Storage.Blobs;
using Schuldketen.Functions.Conversations;
using Schuldketen.Workflows.Store.Conversations;

namespace Schuldketen.Api.Tests.Conversations;

/// <summary>What every attachment store must do, whatever keeps the bytes: give back what it was given, and forget it when told.</summary>
public abstract class AttachmentStoreContract
{
    protected abstract IAttachmentStore Store { get; }

    [Fact]
    public async Task What_is_put_comes_back_the_same_and_is_gone_after_delete()
    {
        var id = AttachmentIds.New();
        var content = FormFile.PdfBytes(70_000);

        await Store.PutAsync(id, content, default);
        var read = await Store.GetAsync(id, default);
        await Store.DeleteAsync(id, default);

        Assert.Equal(content, read);
        Assert.Null(await Store.GetAsync(id, default));
    }

    [Fact]
    public async Task An_unknown_id_reads_as_nothing_and_deleting_it_is_no_error()
    {
        var id = AttachmentIds.New();

        await Store.DeleteAsync(id, default);

        Assert.Null(await Store.GetAsync(id, default));
    }
}

public sealed class FolderAttachmentStoreTests : AttachmentStoreContract, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "schuldketen-tests", $"bijlagen{Guid.NewGuid():N}");

    protected override IAttachmentStore Store => new FolderAttachmentStore(folder);

    [Fact]
    public async Task A_name_that_is_no_attachment_id_never_reaches_the_file_system()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync("../keys.json", default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync("../../etc/passwd", [1], default));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>The Blob Storage adapter against Azurite, in a container of its own.</summary>
public sealed class BlobAttachmentStoreTests : AttachmentStoreContract, IAsyncLifetime
{
    private BlobContainerClient container = null!;

    protected override IAttachmentStore Store => new BlobAttachmentStore(container);

    public async Task InitializeAsync() => container = await TestBlobStorage.NewContainerAsync();

    public async Task DisposeAsync() => await container.DeleteIfExistsAsync();
}
