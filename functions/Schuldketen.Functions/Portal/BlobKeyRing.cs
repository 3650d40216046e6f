using System.Xml.Linq;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// The data-protection key ring as one XML blob that every instance reads. A new key is written only over the version
/// just read (If-Match on its ETag, or If-None-Match when there was none), so two instances adding a key at once both
/// keep theirs: the one that lost reads again and retries.
/// </summary>
public sealed class BlobKeyRing(BlobClient blob) : IXmlRepository
{
    private const int Attempts = 10;

    /// <summary>The blob at <paramref name="uri"/>: with the SAS token in its query, or else with the app's managed identity.</summary>
    public static BlobKeyRing At(Uri uri) =>
        new(uri.Query.Contains("sig=", StringComparison.Ordinal) ? new BlobClient(uri) : new BlobClient(uri, new DefaultAzureCredential()));

    public IReadOnlyCollection<XElement> GetAllElements() => [.. Read().Ring.Elements()];

    public void StoreElement(XElement element, string friendlyName)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (ring, etag) = Read();
            ring.Add(element);
            var conditions = etag is { } read ? new BlobRequestConditions { IfMatch = read } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                blob.Upload(BinaryData.FromString(ring.ToString(SaveOptions.DisableFormatting)), new BlobUploadOptions
                {
                    Conditions = conditions,
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml; charset=utf-8" },
                });
                return;
            }
            catch (RequestFailedException changed) when (changed.Status is 409 or 412 && attempt < Attempts)
            {
                // Another instance wrote the ring since it was read.
            }
        }
    }

    private (XElement Ring, ETag? ETag) Read()
    {
        try
        {
            var download = blob.DownloadContent().Value;
            return (XElement.Parse(download.Content.ToString()), download.Details.ETag);
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return (new XElement("repository"), null);
        }
    }
}
