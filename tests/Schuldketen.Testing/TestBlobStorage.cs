using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace Schuldketen.Testing;

/// <summary>
/// Blob Storage for tests: the Azurite that <c>infra/test.sh</c> starts and names in <c>SCHULDKETEN_TEST_AZURITE</c> (the
/// blob endpoint of its development account); without it these tests fail, they do not skip.
/// </summary>
public static class TestBlobStorage
{
    // Azurite's development account, published by Microsoft with the emulator: not a secret.
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A new container of its own, as a client that may do anything in it.</summary>
    public static async Task<BlobContainerClient> NewContainerAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("SCHULDKETEN_TEST_AZURITE");
        Assert.False(string.IsNullOrWhiteSpace(endpoint),
            "SCHULDKETEN_TEST_AZURITE is not set: run the suite with ./infra/test.sh, which starts Azurite and sets it.");
        var container = new BlobContainerClient(new Uri($"{endpoint!.TrimEnd('/')}/t{Guid.NewGuid():N}"), new StorageSharedKeyCredential(Account, Key));
        await container.CreateAsync();
        return container;
    }

    /// <summary>A blob in a container of its own, as a SAS address that may read and write it.</summary>
    public static async Task<Uri> NewBlobAsync(string name) =>
        (await NewContainerAsync()).GetBlobClient(name)
            .GenerateSasUri(BlobSasPermissions.Read | BlobSasPermissions.Write | BlobSasPermissions.Create, DateTimeOffset.UtcNow.AddHours(1));

    public static async Task<string> ReadAsync(Uri blob) => (await new BlobClient(blob).DownloadContentAsync()).Value.Content.ToString();
}
