using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Settings;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Conversations;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Functions.Conversations;

/// <summary>
/// The conversation between a resident and their contact person: the store with its attachment store (database, folder
/// or Blob Storage, by <see cref="ConversationOptions.AttachmentStore"/>) for both hosts, since the signal retention of
/// either host deletes conversations; and the larger request body the pages that take a file accept.
/// </summary>
public static class ConversationServices
{
    /// <summary>What a form carries besides its file: the text, the antiforgery token and the multipart framing.</summary>
    private const long FormMargin = 1024 * 1024;

    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<ConversationOptions>(builder.Configuration, ConversationOptions.Section);
        services.AddSingleton<IAttachmentStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ConversationOptions>>().Value;
            return options.AttachmentStore switch
            {
                AttachmentStoreKind.Folder => new FolderAttachmentStore(options.AttachmentFolder!),
                AttachmentStoreKind.Blob => new BlobAttachmentStore(Container(options)),
                _ => new DatabaseAttachmentStore(provider.GetRequiredService<TrajectoryStore>()),
            };
        });
        services.AddSingleton(provider => new ConversationStore(
            provider.GetRequiredService<TrajectoryStore>(),
            SecretBox.For(provider.GetRequiredService<HubKeys>().SubjectEncryption, "schuldketen conversations"),
            provider.GetRequiredService<IAttachmentStore>(),
            provider.GetServices<IMalwareScanner>(),
            provider.GetRequiredService<HubIdentity>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationEraser>();
        return builder;
    }

    /// <summary>Lets the pages marked <see cref="AcceptsAttachmentAttribute"/> take a body of the largest file and the form around it.</summary>
    public static IApplicationBuilder UseConversationUploads(this IApplicationBuilder app)
    {
        var maxBytes = app.ApplicationServices.GetRequiredService<IOptions<ConversationOptions>>().Value.MaxAttachmentBytes + FormMargin;
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<AcceptsAttachmentAttribute>() is not null
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            {
                body.MaxRequestBodySize = maxBytes;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The container by its address: with the SAS in it, else as the app's managed identity.</summary>
    private static BlobContainerClient Container(ConversationOptions options)
    {
        var address = new Uri(options.AttachmentContainer!);
        return address.Query.Contains("sig=", StringComparison.Ordinal)
            ? new BlobContainerClient(address)
            : new BlobContainerClient(address, new DefaultAzureCredential());
    }
}
