using Dapper;
using Schuldketen.Functions.Demo;

namespace Schuldketen.Api.Tests.Conversations;

/// <summary>
/// The demo hub the conversation tests run on, and what they read back from its database. Demo resident 13 has
/// trajectory <c>demo-014</c>, waiting for the decision on access (the task that asks for papers), with Jan Jansen of the
/// credit bank as contact person; demo resident 0 has <c>demo-001</c>, which only the municipality handles yet.
/// </summary>
internal static class ConversationHub
{
    public const int Resident = 13;
    public const string Trajectory = "demo-014";
    public const int OtherResident = 0;
    public const string OtherTrajectory = "demo-001";

    public static readonly DemoStaffMember Counsellor = DemoStaff.All.Single(member => member.Person.Id == "consulent-2");

    /// <summary>Jan Jansen's colleague at the credit bank: the credit bank takes part in demo-014, not in demo-001.</summary>
    public static readonly DemoStaffMember CreditBankColleague = DemoStaff.All.Single(member => member.Person.Id == "consulent-1");

    public static readonly DemoStaffMember Municipality = DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality);

    public static Task<HubServer> StartAsync(string provider, IReadOnlyDictionary<string, string?>? more = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?> { ["Schuldketen:DemoData"] = "true" };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return HubServer.StartAsync(new HubStart(provider) { Settings = settings, Services = services });
    }

    public static string ResidentConversation(string trajectory = Trajectory) => $"/mijn-schuldhulp/traject/{trajectory}/gesprek";

    public static string StaffConversation(string trajectory = Trajectory) => $"/werkplek/traject/{trajectory}/gesprek";

    public static async Task<long> CountAsync(HubServer hub, string table, string trajectory = Trajectory)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE trajectory_id = @trajectory", new { trajectory });
    }

    public static async Task<long> ContentsAsync(HubServer hub)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM attachment_contents");
    }

    public static async Task<IReadOnlyList<(string Activity, string Organisation, string? Person)>> AuditAsync(HubServer hub, string trajectory = Trajectory)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        return (await connection.QueryAsync<(string, string, string?)>(
            "SELECT activity, actor_organisation, actor_person FROM audit WHERE trajectory_id = @trajectory ORDER BY id", new { trajectory })).AsList();
    }

    public static async Task<IReadOnlyList<string>> MessageNoticesAsync(HubServer hub, string trajectory = Trajectory)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        return (await connection.QueryAsync<string>(
            "SELECT text FROM resident_notices WHERE trajectory_id = @trajectory AND kind = 'Message' ORDER BY sequence", new { trajectory })).AsList();
    }

    /// <summary>The download links of a conversation page, in the order shown.</summary>
    public static IReadOnlyList<string> DownloadLinks(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "href=\"(/[^\"]+/bijlage/[0-9a-f]{32})\"").Select(match => match.Groups[1].Value).ToList();
}
