namespace Schuldketen.Contracts.Tests;

public sealed class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("999999990")]
    [InlineData("012345672")]
    public void Accepts_numbers_that_pass_the_eleven_check(string text)
    {
        Assert.True(Bsn.TryParse(text, out var bsn));
        Assert.Equal(text, bsn.Digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("111222334")]
    [InlineData("000000000")]
    [InlineData("11122233")]
    [InlineData("1112223330")]
    [InlineData("11122233a")]
    [InlineData(" 11222333")]
    [InlineData("١١١٢٢٢٣٣٣")]
    public void Refuses_anything_else(string? text)
    {
        Assert.False(Bsn.TryParse(text, out var bsn));
        Assert.Equal(default, bsn);
    }

    [Fact]
    public void Never_shows_its_digits_as_text()
    {
        Bsn.TryParse("123456782", out var bsn);

        Assert.Equal("*********", bsn.ToString());
        Assert.Equal("*********", $"{bsn}");
        Assert.DoesNotContain("123456782", new { Resident = bsn }.ToString());
    }

    [Fact]
    public void Equal_numbers_are_equal()
    {
        Bsn.TryParse("111222333", out var first);
        Bsn.TryParse("111222333", out var second);

        Assert.Equal(first, second);
    }
}
