using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Settings;
using Schuldketen.Functions.Storage;

namespace Schuldketen.Functions.Portal;

/// <summary>The pages' data-protection keys: in the data folder, or shared in a blob and encrypted with a certificate (<see cref="KeyRingOptions"/>).</summary>
public static class KeyRing
{
    public static IHostApplicationBuilder AddKeyRing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<KeyRingOptions>(builder.Configuration, KeyRingOptions.Section);
        var section = builder.Configuration.GetSection(KeyRingOptions.Section);
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName(section[nameof(KeyRingOptions.ApplicationName)] ?? new KeyRingOptions().ApplicationName);
        if (KeyRingOptions.Load(section[nameof(KeyRingOptions.Certificate)]) is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }

        builder.Services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyRingOptions>, IOptions<StoreOptions>, ILoggerFactory>(
            (keys, ring, store, logging) => keys.XmlRepository = ring.Value.BlobUri is { } blob
                ? BlobKeyRing.At(blob)
                : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(store.Value.DataFolder, "data-protection")), logging));
        return builder;
    }
}
