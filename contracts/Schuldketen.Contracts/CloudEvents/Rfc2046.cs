using System.Text.RegularExpressions;

namespace Schuldketen.Contracts.CloudEvents;

/// <summary>Content types as RFC 2045 and 2046 write them: type/subtype, then parameters as attribute=value.</summary>
internal static partial class Rfc2046
{
    private const string Token = "[A-Za-z0-9!#$%&'*+.^_`{|}~-]+";
    private const string Quoted = @"""(?:[\x20\x21\x23-\x5B\x5D-\x7E]|\\[\x20-\x7E])*""";

    /// <summary>The media type without its parameters, or null when <paramref name="contentType"/> is no content type.</summary>
    public static string? MediaTypeOf(string contentType)
    {
        var match = Shape().Match(contentType);
        return match.Success ? match.Groups["mediatype"].Value : null;
    }

    [GeneratedRegex(@"\A(?<mediatype>" + Token + "/" + Token + ")(?: *; *" + Token + "=(?:" + Token + "|" + Quoted + @"))*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
