using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Contracts;

/// <summary>The controlled list of channels by their wire names, as the API, the events and the read model write them.</summary>
public static class Channels
{
    // The wire names are those the enum's attributes give it in event data, so the two can never differ.
    private static readonly FrozenDictionary<Channel, string> Names =
        Enum.GetValues<Channel>().ToFrozenDictionary(channel => channel, EnumWireNames.Of);

    private static readonly FrozenDictionary<string, Channel> ByName =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Channel, string> Labels = Enum.GetValues<Channel>()
        .ToFrozenDictionary(channel => channel, channel => typeof(Channel).GetField(channel.ToString())!.GetCustomAttribute<DisplayAttribute>()!.Name!);

    /// <summary>Every channel, in the list's order.</summary>
    public static IReadOnlyList<Channel> All { get; } = Enum.GetValues<Channel>();

    /// <summary>The channels through which a professional registers a resident or has contact with one (not the hub's own ways in).</summary>
    public static IReadOnlyList<Channel> Personal { get; } =
        [Channel.Desk, Channel.Phone, Channel.Email, Channel.Website, Channel.NeighbourhoodTeam, Channel.HomeVisit, Channel.Letter];

    /// <summary>The channel a registration records when its caller states none.</summary>
    public const Channel Default = Channel.System;

    public static string WireName(this Channel channel) => Names[channel];

    public static bool TryParse(string? name, out Channel channel) => ByName.TryGetValue(name ?? "", out channel);

    /// <summary>The channel of a stored wire name; a name no longer on the list counts as <see cref="Default"/>.</summary>
    public static Channel Parse(string? name) => TryParse(name, out var channel) ? channel : Default;

    /// <summary>What the workplace calls the channel: the <see cref="DisplayAttribute"/> on its member.</summary>
    public static string DutchLabel(this Channel channel) => Labels[channel];
}
