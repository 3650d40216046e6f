using System.Text.RegularExpressions;

namespace Schuldketen.Contracts.CloudEvents;

/// <summary>
/// URIs as RFC 3986 writes them: ASCII only, no spaces, every <c>%</c> followed by two hex digits.
/// <see cref="System.Uri"/> is no judge of that: it takes a space or a stray <c>%</c> and escapes it, and a Unix path for a file URI.
/// </summary>
internal static partial class Rfc3986
{
    private const string Scheme = "[A-Za-z][A-Za-z0-9+.-]*";
    private const string Escaped = "%[0-9A-Fa-f]{2}";
    private const string PathCharacter = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|" + Escaped + ")";
    private const string UserInfo = "(?:(?:[A-Za-z0-9._~!$&'()*+,;=:-]|" + Escaped + ")*@)?";

    // An IP literal is checked for its characters only, not for being a well-formed IPv6 address.
    private const string Host = @"(?:\[[A-Za-z0-9._~!$&'()*+,;=:-]+\]|(?:[A-Za-z0-9._~!$&'()*+,;=-]|" + Escaped + ")*)";
    private const string Port = "(?::[0-9]*)?";
    private const string Segments = "(?:/" + PathCharacter + "*)*";
    private const string HierPart = "(?://" + UserInfo + Host + Port + Segments + "|/?(?:" + PathCharacter + "+" + Segments + ")?)";
    private const string QueryOrFragment = "(?:" + PathCharacter + "|[/?])*";

    /// <summary>
    /// Whether <paramref name="text"/> is a URI with a scheme (section 3), the CloudEvents type <c>URI</c>.
    /// A fragment is allowed, as the CloudEvents JSON schema's <c>format: uri</c> allows it.
    /// </summary>
    public static bool IsUri(string text) => Shape().IsMatch(text);

    [GeneratedRegex(@"\A" + Scheme + ":" + HierPart + @"(?:\?" + QueryOrFragment + ")?(?:#" + QueryOrFragment + @")?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
