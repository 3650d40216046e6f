using Schuldketen.Workflows.Conversations;

namespace Schuldketen.Workflows.Tests.Conversations;

/// <summary>Numbers that pass the BSN 11-check are hidden however they are typed; other numbers stay readable.</summary>
public class BsnMaskTests
{
    [Theory]
    [InlineData("Mijn BSN is 111222333.", "Mijn BSN is *********.")]
    [InlineData("BSN: 111 222 333", "BSN: *********")]
    [InlineData("BSN: 1112.22.333 graag", "BSN: ********* graag")]
    [InlineData("111-222-333", "*********")]
    [InlineData("eerst 111222333 dan 123456782", "eerst ********* dan *********")]
    public void A_number_that_passes_the_11_check_is_hidden(string text, string expected) => Assert.Equal(expected, BsnMask.Hide(text));

    [Theory]
    [InlineData("Het bedrag is 123456789 cent.")]
    [InlineData("Bel 06 12345678.")]
    [InlineData("IBAN NL91ABNA0417164300")]
    [InlineData("Kenmerk 1112223330 (tien cijfers).")]
    [InlineData("OIN 00000001001234567000")]
    public void Other_numbers_stay_as_they_are(string text) => Assert.Equal(text, BsnMask.Hide(text));
}
