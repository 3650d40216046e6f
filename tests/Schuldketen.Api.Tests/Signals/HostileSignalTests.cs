using System.Net;
using System.Text.Json;
using Schuldketen.Workflows.Store.Signals;
using static Schuldketen.Api.Tests.Signals.HostileSignals;
using static Schuldketen.Api.Tests.Signals.SignalHub;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests.Signals;

/// <summary>
/// Every hostile file in <see cref="HostileSignals.Files"/> is refused whole with a 4xx problem and applies nothing; every
/// hostile row in <see cref="HostileSignals.Rows"/> is refused with its line and field while the good row beside it is stored;
/// text starting with a formula character is kept as it was sent.
/// </summary>
public class HostileSignalTests
{
    /// <summary>Small enough that the oversized case exceeds it, large enough for the other hostile files.</summary>
    private const string UploadLimit = "70000";

    [Fact]
    public void There_are_at_least_60_hostile_signals_and_files_each_named_once()
    {
        var names = Files.Select(file => file.Name).Concat(Rows.Select(row => row.Name)).ToList();

        Assert.True(names.Count + FormulaTexts.Count >= 60, $"Only {names.Count + FormulaTexts.Count} hostile cases.");
        Assert.Empty(names.GroupBy(name => name).Where(group => group.Count() > 1).Select(group => group.Key));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_hostile_file_is_refused_whole_with_a_4xx_problem_and_applies_nothing(string provider)
    {
        await using var hub = await StartAsync(provider, new Dictionary<string, string?> { ["Schuldketen:Signals:MaxUploadBytes"] = UploadLimit });
        using var gemeente = Gemeente(hub);
        using var landlord = Partner(hub, Landlord);

        var failures = new List<string>();
        foreach (var file in Files)
        {
            using var response = await (file.AsPartner ? landlord : gemeente).PostAsync("/api/v1/signals", file.Content());
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != file.Status || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{file.Name}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {body} "
                             + string.Join(" / ", hub.LogLines.Where(line => line.Contains("Exception", StringComparison.Ordinal)).TakeLast(1)));
                continue;
            }

            var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? string.Empty;
            if (detail.Length < 20)
            {
                failures.Add($"{file.Name}: the problem does not say what to fix ({detail})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0, await CountAsync(hub, "signals"));
        Assert.Equal(0, await CountAsync(hub, "signal_imports"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(hub.Service<Microsoft.Extensions.Options.IOptions<Functions.Storage.StoreOptions>>().Value.DataFolder, "signal-imports")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_hostile_row_is_refused_with_its_line_and_field_and_the_good_row_beside_it_is_stored_whole(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var gemeente = Gemeente(hub);
        using var landlord = Partner(hub, Landlord);

        var failures = new List<string>();
        var index = 0;
        foreach (var row in Rows)
        {
            var import = await ImportAsync(hub, row.AsPartner ? landlord : gemeente, row.Content($"row{index++}"));
            var refused = import.GetProperty("refusedRows").EnumerateArray()
                .Select(fault => (Line: fault.GetProperty("line").GetInt64(), Field: fault.GetProperty("field").GetString())).ToList();
            if (import.GetProperty("accepted").GetInt64() != 1 || import.GetProperty("refused").GetInt64() != 1 || !refused.Contains((row.Line, row.Field)))
            {
                failures.Add($"{row.Name}: {import}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var stored = await SignalsAsync(hub);
        Assert.Equal(Rows.Count, stored.Count);
        var protector = hub.Service<SignalProtector>();
        Assert.All(stored, signal => Assert.Equal("Jansen", protector.Open(signal.PersonalCipher!).Surname));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Text_starting_with_a_formula_character_is_kept_as_it_was_sent(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var gemeente = Gemeente(hub);

        var import = await ImportAsync(hub, gemeente, Csv(FormulaTexts.Select((text, index) =>
            Line($"formula-{index}", ("client.Achternaam", text), ("client.Huisnummer", $"{index + 1}"))).ToArray()));

        Assert.Equal(FormulaTexts.Count, import.GetProperty("accepted").GetInt64());
        var protector = hub.Service<SignalProtector>();
        Assert.Equal(FormulaTexts, (await SignalsAsync(hub)).Select(signal => protector.Open(signal.PersonalCipher!).Surname));
    }
}
