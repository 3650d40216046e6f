using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Conversations;

/// <summary>
/// The conversation between residents and their contact person (section <c>Schuldketen:Conversations</c>): how large a
/// handed-in file may be, and where the files' sealed content is kept.
/// </summary>
public sealed class ConversationOptions : ICheckedOptions
{
    public const string Section = "Schuldketen:Conversations";

    /// <summary>The largest file a message may carry, in bytes; default 10 MB.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    public AttachmentStoreKind AttachmentStore { get; set; } = AttachmentStoreKind.Database;

    /// <summary>With <see cref="AttachmentStoreKind.Folder"/>: the folder the sealed files are written to.</summary>
    public string? AttachmentFolder { get; set; }

    /// <summary>
    /// With <see cref="AttachmentStoreKind.Blob"/>: the container's address (<c>https://account.blob.core.windows.net/attachments</c>),
    /// reached with DefaultAzureCredential (the app's managed identity), or with a SAS in its query (<c>?...&amp;sig=...</c>).
    /// </summary>
    public string? AttachmentContainer { get; set; }

    public IEnumerable<string> Problems()
    {
        if (MaxAttachmentBytes <= 0)
        {
            yield return $"Schuldketen__Conversations__MaxAttachmentBytes is {MaxAttachmentBytes}: set it to a positive number of bytes (default 10485760, 10 MB).";
        }

        if (AttachmentStore == AttachmentStoreKind.Folder && string.IsNullOrWhiteSpace(AttachmentFolder))
        {
            yield return "Schuldketen__Conversations__AttachmentFolder is empty while Schuldketen__Conversations__AttachmentStore is Folder: name the folder to keep handed-in files in.";
        }

        if (AttachmentStore == AttachmentStoreKind.Blob && !Uri.TryCreate(AttachmentContainer, UriKind.Absolute, out _))
        {
            // The value is not repeated: it may carry a SAS.
            yield return "Schuldketen__Conversations__AttachmentContainer is no address while Schuldketen__Conversations__AttachmentStore is Blob: give the " +
                         "container's address, such as https://<account>.blob.core.windows.net/attachments.";
        }
    }
}

/// <summary>Where the sealed content of handed-in files is kept.</summary>
public enum AttachmentStoreKind
{
    /// <summary>In the hub's own database (the embedded default).</summary>
    Database,

    /// <summary>As files in <see cref="ConversationOptions.AttachmentFolder"/>.</summary>
    Folder,

    /// <summary>In an Azure Blob Storage container.</summary>
    Blob,
}
