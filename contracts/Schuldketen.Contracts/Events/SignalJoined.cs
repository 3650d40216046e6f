using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Schuldketen.Contracts.Ddas;

namespace Schuldketen.Contracts.Events;

/// <summary>
/// Data of <see cref="EventTypes.SignalJoined"/>, raised by the hub when a signal opens or joins a household's
/// outreach case: the signal's non-personal facts only (DDAS Vroegsignaal without its Client, with DDAS field
/// names; the amount in whole euros). The resident's details stay in the hub's signal store, encrypted.
/// </summary>
public sealed record SignalJoined(
    [property: JsonPropertyName("signaalId"), StringLength(EventDataLimits.Identifier, MinimumLength = 1)] string SignalId,
    [property: JsonPropertyName("signaalpartnerType")] SignalPartnerType PartnerType,
    [property: JsonPropertyName("organisatienaam"), StringLength(EventDataLimits.Name, MinimumLength = 1)] string PartnerName,
    [property: JsonPropertyName("bedrag"), Range(0, int.MaxValue)] int Amount,
    [property: JsonPropertyName("ontstaansdatum")] DateOnly ArisenOn,
    [property: JsonPropertyName("signaaldatum")] DateOnly SignalledOn,
    [property: JsonPropertyName("crisissignaal")] bool Crisis,
    [property: JsonPropertyName("warmeOverdracht")] bool WarmHandover,
    [property: JsonPropertyName("status")] SignalStatus Status) : IEventData
{
    private static readonly IReadOnlySet<string> CrisisFacts = new[] { CrisisCheckCompleted.CrisisFact }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> NoCrisisFacts = new[] { CrisisCheckCompleted.NoCrisisFact }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A crisis signal puts the case on the crisis clock; named as the definitions' guards name it.</summary>
    IReadOnlySet<string> IEventData.Facts => Crisis ? CrisisFacts : NoCrisisFacts;
}
