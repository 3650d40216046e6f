using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Schuldketen.Contracts;

namespace Schuldketen.Workflows.Signals;

/// <summary>
/// Checks one arrived signal and makes it a <see cref="Vroegsignaal"/>, or lists every field to fix. A connected
/// partner's signals carry the partner from its token (<paramref name="tokenPartner"/>); a municipality's upload
/// names the partner per row. No fault ever quotes the value, which may be personal data.
/// </summary>
public sealed partial class SignalRules(IReadOnlyCollection<string> partnerTypes)
{
    /// <summary>Larger than any arrears a household can run up with a landlord, supplier or insurer: a typing error.</summary>
    public const int MaxAmount = 1_000_000;

    private const int MaxText = 200;

    public Vroegsignaal? Check(SignalInput input, SignalPartner? tokenPartner, DateOnly today, out IReadOnlyList<RowFault> faults)
    {
        var found = new List<RowFault>(input.ShapeFaults ?? []);
        void Fault(string field, string problem) => found.Add(new RowFault(input.Line, field, problem));

        var id = Text(input, SignalFields.Id, required: true, 100, Fault);
        var partner = tokenPartner ?? Partner(input, Fault);
        if (tokenPartner is not null)
        {
            foreach (var field in new[] { SignalFields.PartnerType, SignalFields.PartnerName })
            {
                if (input[field] is not null)
                {
                    Fault(field, "Leave the partner out: a connected partner's signals carry the partner its token belongs to.");
                }
            }
        }

        var amount = Amount(input, Fault);
        var aroseOn = Date(input, SignalFields.AroseOn, today, Fault);
        var signalledOn = Date(input, SignalFields.SignalledOn, today, Fault);
        if (input[SignalFields.SignalledOn] is null)
        {
            Fault(SignalFields.SignalledOn, "Give the date the signal was sent, as YYYY-MM-DD.");
        }

        if (aroseOn is { } arose && signalledOn is { } signalled && arose > signalled)
        {
            Fault(SignalFields.AroseOn, "The arrears cannot arise after the signal date: check both dates.");
        }

        var crisis = Flag(input, SignalFields.Crisis, Fault);
        var warm = Flag(input, SignalFields.WarmHandover, Fault);
        var resident = Resident(input, today, Fault);
        faults = found;
        return found.Count == 0
            ? new Vroegsignaal(id!, partner!, amount, aroseOn, signalledOn!.Value, crisis, warm, resident!)
            : null;
    }

    private SignalPartner? Partner(SignalInput input, Action<string, string> fault)
    {
        var type = input[SignalFields.PartnerType];
        var known = type is null ? null : partnerTypes.FirstOrDefault(candidate => candidate == type);
        if (known is null)
        {
            fault(SignalFields.PartnerType, $"Name the partner's DDAS type, one of: {string.Join(", ", partnerTypes)}.");
        }

        var name = Text(input, SignalFields.PartnerName, required: true, MaxText, fault);
        return known is not null && name is not null ? new SignalPartner(known, name) : null;
    }

    private static SignalResident? Resident(SignalInput input, DateOnly today, Action<string, string> fault)
    {
        string? bsn = null;
        if (input[SignalFields.Bsn] is { } bsnText)
        {
            if (Bsn.TryParse(bsnText, out var parsed))
            {
                bsn = parsed.Digits;
            }
            else
            {
                fault(SignalFields.Bsn, "A BSN has 9 digits and passes the 11-check; leave it empty when the partner does not have it.");
            }
        }

        var initials = Text(input, SignalFields.Initials, required: false, 20, fault);
        var prefix = Text(input, SignalFields.Prefix, required: false, 20, fault);
        var surname = Text(input, SignalFields.Surname, required: true, MaxText, fault);
        var birthDate = Date(input, SignalFields.BirthDate, today, fault);
        if (birthDate is { } born && born < today.AddYears(-130))
        {
            fault(SignalFields.BirthDate, "The date of birth lies more than 130 years back: check it.");
        }

        var street = Text(input, SignalFields.Street, required: false, MaxText, fault);
        var postcode = Postcode(input, fault);
        var number = HouseNumber(input, fault);
        var addition = Text(input, SignalFields.Addition, required: false, 10, fault);
        var town = Text(input, SignalFields.Town, required: false, MaxText, fault);
        var phone = Phone(input, fault);
        var email = Email(input, fault);
        return surname is not null && postcode is not null && number is not null
            ? new SignalResident(bsn, initials, prefix, surname, birthDate, street, postcode, number, addition?.Trim(), town, phone, email)
            : null;
    }

    private static string? Text(SignalInput input, string field, bool required, int maxLength, Action<string, string> fault)
    {
        var text = input[field]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                fault(field, "This field is required: fill it in.");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            fault(field, $"Shorten this field to at most {maxLength} characters.");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            fault(field, "Remove the control characters (such as tabs or line breaks) from this field.");
            return null;
        }

        return text;
    }

    private static int? Amount(SignalInput input, Action<string, string> fault)
    {
        if (input[SignalFields.Amount] is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            fault(SignalFields.Amount, "Give the arrears in whole euros, digits only (DDAS 'bedrag' is an integer).");
            return null;
        }

        if (amount <= 0 || amount > MaxAmount)
        {
            fault(SignalFields.Amount, $"The arrears must be more than 0 and at most {MaxAmount} euros.");
            return null;
        }

        return amount;
    }

    private static DateOnly? Date(SignalInput input, string field, DateOnly today, Action<string, string> fault)
    {
        if (input[field] is not { } text)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            fault(field, "Write the date as YYYY-MM-DD.");
            return null;
        }

        if (date > today)
        {
            fault(field, "The date lies in the future: check it.");
            return null;
        }

        return date;
    }

    private static bool Flag(SignalInput input, string field, Action<string, string> fault)
    {
        switch (input[field]?.Trim().ToLowerInvariant())
        {
            case null or "false" or "nee" or "0":
                return false;
            case "true" or "ja" or "1":
                return true;
            default:
                fault(field, "Write true or false.");
                return false;
        }
    }

    private static string? Postcode(SignalInput input, Action<string, string> fault)
    {
        if (input[SignalFields.Postcode] is not { } text)
        {
            fault(SignalFields.Postcode, "The address is required: give the postcode.");
            return null;
        }

        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (!PostcodePattern().IsMatch(compact))
        {
            fault(SignalFields.Postcode, "A Dutch postcode is four digits (not starting with 0) and two letters, such as 3511AB.");
            return null;
        }

        return compact;
    }

    private static string? HouseNumber(SignalInput input, Action<string, string> fault)
    {
        if (input[SignalFields.HouseNumber] is not { } text)
        {
            fault(SignalFields.HouseNumber, "The address is required: give the house number.");
            return null;
        }

        var trimmed = text.Trim();
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 99999)
        {
            fault(SignalFields.HouseNumber, "A house number is a whole number from 1 to 99999; put letters in client.Huisnummertoevoeging.");
            return null;
        }

        return number.ToString(CultureInfo.InvariantCulture);
    }

    private static string? Phone(SignalInput input, Action<string, string> fault)
    {
        if (input[SignalFields.Phone] is not { } text)
        {
            return null;
        }

        var digits = text.Trim();
        if (!PhonePattern().IsMatch(digits))
        {
            fault(SignalFields.Phone, "A phone number has 10 to 15 digits, optionally with a leading + and spaces or dashes.");
            return null;
        }

        return digits;
    }

    private static string? Email(SignalInput input, Action<string, string> fault)
    {
        if (input[SignalFields.Email] is not { } text)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed)
        {
            fault(SignalFields.Email, "Give one e-mail address such as naam@voorbeeld.nl.");
            return null;
        }

        return trimmed;
    }

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{8,18}[0-9]$")]
    private static partial Regex PhonePattern();
}
