using System.Globalization;

namespace Schuldketen.Testing;

/// <summary>Made-up residents: BSNs that pass the 11-check, in increasing order from an eight-digit prefix on, so each test can take its own.</summary>
public static class Residents
{
    public static IEnumerable<string> Bsns(int fromPrefix = 10_000_000)
    {
        for (var prefix = fromPrefix; prefix < 100_000_000; prefix++)
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
