using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Events;

/// <summary>Why a trajectory stopped before it was finished.</summary>
public enum DropOutReason
{
    [JsonStringEnumMemberName("geen-contact")] NoContact,
    [JsonStringEnumMemberName("zelf-gestopt")] StoppedByResident,
    [JsonStringEnumMemberName("verhuisd")] Moved,
    [JsonStringEnumMemberName("overleden")] Deceased,
    [JsonStringEnumMemberName("overig")] Other,
}
