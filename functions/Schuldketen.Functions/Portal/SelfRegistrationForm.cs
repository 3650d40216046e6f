using System.Net.Mail;
using Schuldketen.Workflows.Store.Registrations;

namespace Schuldketen.Functions.Portal;

/// <summary>The fields of <c>/aanmelden</c> as posted, and what a resident must correct, in plain Dutch, per field.</summary>
public sealed class SelfRegistrationForm
{
    public string? Request { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Situation { get; set; }

    /// <summary>"ja", "nee", or nothing: the crisis questions may be left open.</summary>
    public string? Eviction { get; set; }

    public string? CutOff { get; set; }

    public string? Insurance { get; set; }

    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        var phone = Phone?.Trim();
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(phone) && string.IsNullOrEmpty(email))
        {
            problems["telefoon"] = "Vul uw telefoonnummer of uw e-mailadres in. Dan kan de gemeente u bereiken.";
        }

        if (!string.IsNullOrEmpty(phone) && !IsPhone(phone))
        {
            problems["telefoon"] = "Dit telefoonnummer klopt niet. Gebruik alleen cijfers, bijvoorbeeld 0612345678.";
        }

        if (!string.IsNullOrEmpty(email) && !IsEmail(email))
        {
            problems["e-mail"] = "Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl.";
        }

        if (Situation is { Length: > RegisterPage.MaxSituation })
        {
            problems["situatie"] = $"Uw uitleg is te lang. Gebruik niet meer dan {RegisterPage.MaxSituation} tekens.";
        }

        if (string.IsNullOrEmpty(Request) || Request.Length > 64)
        {
            problems["formulier"] = "Het formulier is verlopen. Vul het opnieuw in.";
        }

        return problems;
    }

    public SelfRegistrationAnswers ToAnswers() => new(
        NullIfEmpty(Phone), NullIfEmpty(Email), NullIfEmpty(Situation), Answer(Eviction), Answer(CutOff), Answer(Insurance));

    private static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 10 and <= 15 && phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')');
    }

    private static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);

    private static bool? Answer(string? value) => value switch
    {
        "ja" => true,
        "nee" => false,
        _ => null,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
