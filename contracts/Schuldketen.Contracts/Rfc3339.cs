using System.Globalization;
using System.Text.RegularExpressions;

namespace Schuldketen.Contracts;

/// <summary>Timestamps as RFC 3339 writes them: a full date, a time and a zone, nothing left to guess.</summary>
public static partial class Rfc3339
{
    public static bool TryParse(string text, out DateTimeOffset instant)
    {
        instant = default;
        return Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    /// <summary>UTC with "Z", fractions only as far as they are not zero.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    // .NET parses at most seven fraction digits; RFC 3339 allows more, so longer fractions are refused rather than cut.
    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?([Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
