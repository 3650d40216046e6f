using System.Text.RegularExpressions;

namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// Hides runs of eight or more digits in text meant for a client: the SDK's own messages quote the
/// values they could not read, and such a value may be a BSN put in the wrong place. OINs are 20
/// digits but a client's own OIN tells it nothing new, so they are hidden as well.
/// </summary>
public static partial class NumberMask
{
    public static string Hide(string text) => LongNumber().Replace(text, match => new string('*', match.Length));

    [GeneratedRegex(@"\d{8,}")]
    private static partial Regex LongNumber();
}
