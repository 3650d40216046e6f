namespace Schuldketen.Functions.Settings;

/// <summary>An organisation identification number (OIN) as Logius issues it: exactly 20 digits.</summary>
public static class OinFormat
{
    public static bool IsValid(string? value) => value is { Length: 20 } && value.All(char.IsAsciiDigit);
}
