namespace Schuldketen.Workflows.Referrals;

/// <summary>
/// Which municipality a referral goes to when the GP names none: the one whose postcode range holds
/// the resident's postcode (by its four digits), else the GP's configured default municipality.
/// </summary>
public sealed record PostcodeRouting(IReadOnlyList<PostcodeRange> Ranges, IReadOnlyDictionary<string, string> DefaultMunicipalities)
{
    public string? Route(string? postcode, string referrer)
    {
        if (postcode is { Length: >= 4 } && int.TryParse(postcode.AsSpan(0, 4), out var digits)
            && Ranges.FirstOrDefault(range => range.From <= digits && digits <= range.To) is { } range)
        {
            return range.Municipality;
        }

        return DefaultMunicipalities.GetValueOrDefault(referrer);
    }

    /// <summary>Whether <paramref name="municipality"/> takes referrals here at all, so a GP's named owner is not a typo.</summary>
    public bool Knows(string municipality) =>
        Ranges.Any(range => range.Municipality == municipality) || DefaultMunicipalities.Values.Contains(municipality);
}

/// <summary>Postcodes <see cref="From"/> to <see cref="To"/> (their four digits, inclusive) belong to <see cref="Municipality"/> (OIN).</summary>
public sealed record PostcodeRange(int From, int To, string Municipality);
