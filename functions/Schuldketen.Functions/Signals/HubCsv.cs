using System.Globalization;
using CsvHelper.Configuration;

namespace Schuldketen.Functions.Signals;

/// <summary>How the hub writes CSV: comma-separated, and every cell starting with a formula character escaped (CSV injection).</summary>
public static class HubCsv
{
    public static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
}
