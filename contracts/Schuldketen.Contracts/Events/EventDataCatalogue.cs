using System.Collections.Frozen;
using System.Text.Json;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// The data record of every event type a partner may send to the hub, its JSON Schema and its
/// validation. Types the hub raises itself (deadlines, registration, migration) are not here.
/// </summary>
public static class EventDataCatalogue
{
    public static IReadOnlyDictionary<string, Type> DataTypes { get; } = new Dictionary<string, Type>
    {
        [EventTypes.CrisisCheckCompleted] = typeof(CrisisCheckCompleted),
        [EventTypes.CrisisAverted] = typeof(CrisisAverted),
        [EventTypes.FirstConversationHeld] = typeof(FirstConversationHeld),
        [EventTypes.AccessGranted] = typeof(AccessGranted),
        [EventTypes.AccessRefused] = typeof(AccessRefused),
        [EventTypes.ObjectionFiled] = typeof(ObjectionFiled),
        [EventTypes.ObjectionUpheld] = typeof(ObjectionUpheld),
        [EventTypes.ObjectionDismissed] = typeof(ObjectionDismissed),
        [EventTypes.StabilisationCompleted] = typeof(StabilisationCompleted),
        [EventTypes.SettlementAgreed] = typeof(SettlementAgreed),
        [EventTypes.ConsolidationLoanGranted] = typeof(ConsolidationLoanGranted),
        [EventTypes.MoratoriumGranted] = typeof(MoratoriumGranted),
        [EventTypes.MoratoriumEnded] = typeof(MoratoriumEnded),
        [EventTypes.CourtSettlementRequested] = typeof(CourtSettlementRequested),
        [EventTypes.CourtSettlementGranted] = typeof(CourtSettlementGranted),
        [EventTypes.CourtSettlementRejected] = typeof(CourtSettlementRejected),
        [EventTypes.WsnpRequested] = typeof(WsnpRequested),
        [EventTypes.WsnpAdmitted] = typeof(WsnpAdmitted),
        [EventTypes.WsnpRejected] = typeof(WsnpRejected),
        [EventTypes.WsnpHomeVisitMade] = typeof(WsnpHomeVisitMade),
        [EventTypes.WsnpCleanSlate] = typeof(WsnpCleanSlate),
        [EventTypes.WsnpEndedWithoutCleanSlate] = typeof(WsnpEndedWithoutCleanSlate),
        [EventTypes.RepaymentCompleted] = typeof(RepaymentCompleted),
        [EventTypes.AftercareCompleted] = typeof(AftercareCompleted),
        [EventTypes.ProtectiveAdministrationOrdered] = typeof(ProtectiveAdministrationOrdered),
        [EventTypes.DroppedOut] = typeof(DroppedOut),
        [EventTypes.Referred] = typeof(Referred),
        [EventTypes.ParticipantLinked] = typeof(ParticipantLinked),
        [EventTypes.ParticipantUnlinked] = typeof(ParticipantUnlinked),
        [EventTypes.CounsellorAssigned] = typeof(CounsellorAssigned),
        [EventTypes.ContactMomentRecorded] = typeof(ContactMomentRecorded),
        [EventTypes.ContactAttempted] = typeof(ContactAttempted),
        [EventTypes.OutreachClosed] = typeof(OutreachClosed),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsPartnerEvent(string type) => DataTypes.ContainsKey(type);

    /// <summary>The JSON Schema of the type's data. Throws for a type partners do not send.</summary>
    public static string SchemaJson(string type) => EventDataSchemas.For(DataTypeOf(type)).Json;

    /// <summary>The members of the type's data as form fields, in the record's order. Throws for a type partners do not send.</summary>
    public static IReadOnlyList<DataField> Fields(string type) => EventDataFields.For(DataTypeOf(type));

    /// <summary>
    /// Checks <paramref name="data"/> against the type's schema, then reads it into its record.
    /// <c>default</c> stands for an event without data. Throws for a type partners do not send.
    /// </summary>
    public static EventDataResult Validate(string type, JsonElement data) => EventDataValidator.Validate(DataTypeOf(type), data);

    private static Type DataTypeOf(string type) =>
        DataTypes.TryGetValue(type, out var dataType)
            ? dataType
            : throw new ArgumentException("Partners do not send this event type; check IsPartnerEvent first.", nameof(type));
}
