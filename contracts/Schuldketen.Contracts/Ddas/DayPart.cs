using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Ddas;

/// <summary>DDAS EnumDagdeel: before 12:00, 12:00 to 18:00, from 18:00. Source: schema v0.1 (see README.md).</summary>
public enum DayPart
{
    [JsonStringEnumMemberName("Ochtend")] Morning,
    [JsonStringEnumMemberName("Middag")] Afternoon,
    [JsonStringEnumMemberName("Avond")] Evening,
}
