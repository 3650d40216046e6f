namespace Schuldketen.Functions.Conversations;

/// <summary>Marks a page whose form may carry a file: its requests may be as large as the largest file allowed, not only the hub's general body limit.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AcceptsAttachmentAttribute : Attribute;
