namespace Schuldketen.Browser.Tests;

/// <summary>
/// The shared test hub as the pages need it: its demo data, seeded on a fresh SQLite database relative to the
/// fake clock (Monday 2 March 2026, 10:00 in the Netherlands), sending resident notices every second.
/// </summary>
public static class PortalHub
{
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromSeconds(1);

    public static Task<HubServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        HubServer.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Schuldketen:DemoData"] = "true",
            ["Schuldketen:Portal:NoticeInterval"] = NoticeInterval.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
}
