using System.Text.RegularExpressions;
using Schuldketen.Contracts;

namespace Schuldketen.Workflows.Conversations;

/// <summary>
/// Hides every number in a text that passes the BSN 11-check, also when typed with spaces, dots or dashes between its
/// digits ("123 456 782"): for text that leaves the conversation, such as a notice or a log line. Other numbers (an
/// amount, a phone number, a date) stay readable.
/// </summary>
public static partial class BsnMask
{
    public const string Hidden = "*********";

    public static string Hide(string text) =>
        NineDigits().Replace(text, match => Bsn.TryParse(Digits(match.Value), out _) ? Hidden : match.Value);

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    [GeneratedRegex(@"(?<!\d)\d(?:[ .-]?\d){8}(?!\d)")]
    private static partial Regex NineDigits();
}
