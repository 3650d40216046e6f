using System.Globalization;

namespace Schuldketen.Faults.Tests;

/// <summary>Made-up residents: BSNs that pass the 11-check, from a prefix on, so each test can use its own.</summary>
internal static class Residents
{
    public static IReadOnlyList<string> Bsns(int from, int count) => Generate(from).Take(count).ToList();

    private static IEnumerable<string> Generate(int from)
    {
        for (var prefix = from; prefix < 100_000_000; prefix++)
        {
            // Weights 2 up to 9 from the last of the eight digits to the first; the ninth digit has weight -1.
            var sum = 0;
            var rest = prefix;
            for (var weight = 2; weight <= 9; weight++)
            {
                sum += weight * (rest % 10);
                rest /= 10;
            }

            if (sum % 11 is var check and < 10)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{prefix}{check}");
            }
        }
    }
}
