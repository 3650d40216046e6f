using System.Text.RegularExpressions;

namespace Schuldketen.Faults.Tests;

/// <summary>Looks through the hosts' log files for any BSN the test used.</summary>
internal static partial class LogScan
{
    public static void AssertNoBsn(IEnumerable<string> files, IReadOnlyCollection<string> bsns)
    {
        var used = bsns.ToHashSet(StringComparer.Ordinal);
        var checkedFiles = 0;
        foreach (var file in files)
        {
            Assert.True(File.Exists(file), $"The log file {file} is missing.");
            checkedFiles++;
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                foreach (Match number in NineDigits().Matches(line))
                {
                    // The message names only where it was found, never the number itself.
                    Assert.False(used.Contains(number.Value), $"A BSN used in the test appears in {file} on line {lineNumber}.");
                }
            }
        }

        Assert.True(checkedFiles > 0, "No log files to check.");
    }

    [GeneratedRegex(@"(?<!\d)\d{9}(?!\d)")]
    private static partial Regex NineDigits();
}
