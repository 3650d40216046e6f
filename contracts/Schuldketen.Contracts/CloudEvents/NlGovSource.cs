using System.Text.RegularExpressions;

namespace Schuldketen.Contracts.CloudEvents;

/// <summary>
/// The NL GOV profile's <c>source</c>: a URN in the <c>nld</c> namespace naming the organisation
/// by its OIN, optionally followed by the system that sent the event; as a whole a URI, so the
/// URI-reference CloudEvents requires of <c>source</c>.
/// </summary>
public static partial class NlGovSource
{
    public const string Prefix = "urn:nld:oin:";

    /// <summary>The OIN in <paramref name="source"/>, or null when it is no NL GOV source.</summary>
    public static string? OinOf(string source)
    {
        var match = Shape().Match(source);
        return match.Success && Rfc3986.IsUri(source) ? match.Groups["oin"].Value : null;
    }

    public static string For(string oin, string? system = null) =>
        system is null ? Prefix + oin : Prefix + oin + ":" + system;

    [GeneratedRegex(@"\Aurn:nld:oin:(?<oin>[0-9]{20})(:[\x21-\x7E]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
