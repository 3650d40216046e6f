namespace Schuldketen.Functions.Settings;

/// <summary>
/// Options that can tell what is wrong with them: one line per broken setting, naming it as the
/// environment variable the README documents (<c>Schuldketen__Bus__Address</c>) and saying what to fix.
/// </summary>
public interface ICheckedOptions
{
    IEnumerable<string> Problems();
}
