namespace Schuldketen.Contracts;

/// <summary>
/// A burgerservicenummer that passed the 11-check. <see cref="ToString"/> masks it, so that a BSN
/// written into a log or a message by accident shows nothing; read <see cref="Digits"/> on purpose.
/// </summary>
public readonly record struct Bsn
{
    private const int Length = 9;

    private readonly string? digits;

    private Bsn(string digits) => this.digits = digits;

    /// <summary>The nine digits; empty for <c>default(Bsn)</c>, which holds no number.</summary>
    public string Digits => digits ?? string.Empty;

    /// <summary>
    /// Exactly nine ASCII digits, not all zeros, whose weighted sum (9 down to 2 for the first
    /// eight digits, -1 for the last) is divisible by 11.
    /// </summary>
    public static bool TryParse(string? text, out Bsn bsn)
    {
        bsn = default;
        if (text is not { Length: Length } || !text.All(char.IsAsciiDigit) || text.All(digit => digit == '0'))
        {
            return false;
        }

        var sum = 0;
        for (var position = 0; position < Length - 1; position++)
        {
            sum += (Length - position) * (text[position] - '0');
        }

        sum -= text[Length - 1] - '0';
        if (sum % 11 != 0)
        {
            return false;
        }

        bsn = new Bsn(text);
        return true;
    }

    public override string ToString() => "*********";
}
