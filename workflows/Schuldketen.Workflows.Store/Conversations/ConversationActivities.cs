namespace Schuldketen.Workflows.Store.Conversations;

/// <summary>The processing activities of the conversation in the audit trail (Logboek Dataverwerkingen).</summary>
public static class ConversationActivities
{
    public const string Read = "gesprek-inzien";
    public const string Write = "bericht-schrijven";
    public const string Download = "bijlage-downloaden";

    /// <summary>The resident writing to their contact person: logged, but not shown back to them as someone else's processing.</summary>
    public const string ResidentWrite = "bericht-van-bewoner";

    public const string Erased = "gesprek-gewist";
}
