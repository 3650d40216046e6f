using System.IO.Pipelines;
using Schuldketen.Functions.Hosting;

namespace Schuldketen.Host.Tests;

/// <summary>
/// A hub with a broken setting does not start: it writes one line that names the setting as the README does
/// (<c>Schuldketen__…</c>) and says what to fix, and exits non-zero, before it touches a database or a port.
/// </summary>
public class BrokenSettingTests
{
    private const string Oin = "00000001001234567000";

    /// <summary>Long enough for any start; a hub that starts in spite of a broken setting is stopped then, with exit code 0.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(new[] { "Schuldketen:Postgres=Host=db;Max Pool Size=50" }, "Schuldketen__Postgres ", "'max pool size' is no keyword Npgsql knows")]
    [InlineData(new[] { "Schuldketen:Postgres=this is no connection string" }, "Schuldketen__Postgres ", "keyword=value")]
    [InlineData(new[] { "Schuldketen:HubOin=1234" }, "Schuldketen__HubOin ", "20 digits")]
    [InlineData(new[] { "Schuldketen:MunicipalityDefinitions:voorbeeldstad=wgs-standaard" }, "Schuldketen__MunicipalityDefinitions__voorbeeldstad ", "20 digits")]
    [InlineData(new[] { "Schuldketen:Referrals:DefaultMunicipalities:" + Oin + "=gemeente" }, "Schuldketen__Referrals__DefaultMunicipalities__" + Oin + " ", "20 digits")]
    [InlineData(new[] { "Schuldketen:Referrals:PostcodeRanges:0:From=3500", "Schuldketen:Referrals:PostcodeRanges:0:To=3599", "Schuldketen:Referrals:PostcodeRanges:0:Municipality=0000000100123456700" },
        "Schuldketen__Referrals__PostcodeRanges__0__Municipality ", "20 digits")]
    [InlineData(new[] { "Schuldketen:Aanmelden:Municipality=gemeente" }, "Schuldketen__Aanmelden__Municipality ", "20 digits")]
    [InlineData(new[] { "Schuldketen:Bus:Partners:0:Organisation=5555", "Schuldketen:Bus:Partners:0:Role=schuldeiser" }, "Schuldketen__Bus__Partners__0__Organisation ", "20 digits")]
    [InlineData(new[] { "Schuldketen:Bus:Partners:0:Organisation=" + Oin, "Schuldketen:Bus:Partners:0:Role=crediteur" }, "Schuldketen__Bus__Partners__0__Role ", "schuldeiser")]
    [InlineData(new[] { "Schuldketen:Bus:Profile=RabbitMq" }, "Schuldketen__Bus__Address ", "amqp://")]
    [InlineData(new[] { "Schuldketen:Bus:Profile=RabbitMq", "Schuldketen:Bus:Address=localhost:5672" }, "Schuldketen__Bus__Address ", "amqp://")]
    [InlineData(new[] { "Schuldketen:Bus:Profile=ServiceBus" }, "Schuldketen__Bus__ConnectionString ", "managed identity")]
    [InlineData(new[] { "Schuldketen:Bus:Profile=ServiceBus", "Schuldketen:Bus:ConnectionString=Endpoint=sb://voorbeeld.servicebus.windows.net/;SharedAccessKey=c2VjcmV0" },
        "Schuldketen__Bus__ConnectionString ", "SharedAccessKeyName=<policy>")]
    [InlineData(new[] { "Schuldketen:Bus:Profile=ServiceBus", "Schuldketen:Bus:FullyQualifiedNamespace=https://voorbeeld.servicebus.windows.net/" },
        "Schuldketen__Bus__FullyQualifiedNamespace ", "host name")]
    [InlineData(new[]
    {
        "Schuldketen:Bus:Profile=ServiceBus", "Schuldketen:Bus:FullyQualifiedNamespace=voorbeeld.servicebus.windows.net",
        "Schuldketen:Bus:ConnectionString=Endpoint=sb://voorbeeld.servicebus.windows.net/;SharedAccessKeyName=hub;SharedAccessKey=c2VjcmV0",
    }, "Schuldketen__Bus__ConnectionString ", "give one")]
    [InlineData(new[] { "Schuldketen:Bus:Profile=ServiceBus", "Schuldketen:Bus:FullyQualifiedNamespace=voorbeeld.servicebus.windows.net", "Schuldketen:Bus:Address=voorbeeld.servicebus.windows.net" },
        "Schuldketen__Bus__Address ", "RabbitMq")]
    [InlineData(new[] { "Schuldketen:Bus:MaxDeliveryCount=0" }, "Schuldketen__Bus__MaxDeliveryCount ", "1 or more")]
    [InlineData(new[] { "Schuldketen:Limits:MaxRequestBytes=-1" }, "Schuldketen__Limits__MaxRequestBytes ", "positive")]
    [InlineData(new[] { "Schuldketen:Limits:RequestsPerWindow=-5" }, "Schuldketen__Limits__RequestsPerWindow ", "positive")]
    [InlineData(new[] { "Schuldketen:Limits:Window=-00:01:00" }, "Schuldketen__Limits__Window ", "positive")]
    [InlineData(new[] { "Schuldketen:TimerInterval=00:00:00" }, "Schuldketen__TimerInterval ", "positive")]
    [InlineData(new[] { "Schuldketen:DataProtection:BlobUri=https://hub.blob.core.windows.net/dataprotection/keys.xml" },
        "Schuldketen__DataProtection__BlobUri ", "must be encrypted")]
    [InlineData(new[] { "Schuldketen:DataProtection:Certificate=c2VjcmV0" }, "Schuldketen__DataProtection__Certificate ", "PKCS#12")]
    [InlineData(new[] { "Schuldketen:Auth:Authority=login.example.nl", "Schuldketen:DemoData=false" }, "Schuldketen__Auth__Authority ", "absolute URI")]
    [InlineData(new[] { "Schuldketen:Portal:Staff:Authority=https://login.example.nl", "Schuldketen:DemoData=false" }, "Schuldketen__Portal__Staff__ClientId ", "client id")]
    [InlineData(new[] { "Schuldketen:DemoData=true", "Schuldketen:Auth:Authority=https://login.example.nl/realms/keten" },
        "Schuldketen__DemoData ", "Schuldketen__DemoData=false")]
    [InlineData(new[] { "Schuldketen:DemoData=true", "Schuldketen:Portal:Residents:Authority=https://digid.example.nl", "Schuldketen:Portal:Residents:ClientId=hub" },
        "Schuldketen__DemoData ", "Schuldketen__DemoData=false")]
    [InlineData(new[] { "Schuldketen:DemoData=true", "Schuldketen:Portal:Staff:Authority=https://login.example.nl", "Schuldketen:Portal:Staff:ClientId=hub" },
        "Schuldketen__DemoData ", "Schuldketen__DemoData=false")]
    public async Task A_broken_setting_stops_the_hub_at_start_with_one_line_that_names_it_and_says_what_to_fix(
        string[] settings, string startsWith, string says)
    {
        var (exitCode, error) = await RunAsync(settings);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith(startsWith, line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_in_one_line_too()
    {
        var (exitCode, error) = await RunAsync(["Schuldketen:Bus:Profile=Kafka"]);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("'Schuldketen__Bus__Profile'", line, StringComparison.Ordinal);
        Assert.Contains("'Kafka'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_broken_setting_gets_its_own_line()
    {
        var (exitCode, error) = await RunAsync(["Schuldketen:HubOin=1", "Schuldketen:Limits:RequestsPerWindow=-1"]);

        Assert.NotEqual(0, exitCode);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, line => line.StartsWith("Schuldketen__HubOin ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Schuldketen__Limits__RequestsPerWindow ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_embedded_default_starts_and_ends_with_exit_code_0_when_stopped()
    {
        using var stop = new CancellationTokenSource(Patience);
        var pipe = new Pipe();
        await using var output = new StreamWriter(pipe.Writer.AsStream()) { AutoFlush = true };
        using var printed = new StreamReader(pipe.Reader.AsStream());
        var running = RunAsync([], output, stop.Token);

        // Once started, the demo prints a token per demo organisation, the GP practice's last.
        var line = await printed.ReadLineAsync(stop.Token);
        while (line is not null && !line.StartsWith("huisarts ", StringComparison.Ordinal))
        {
            line = await printed.ReadLineAsync(stop.Token);
        }

        await stop.CancelAsync();
        var (exitCode, error) = await running;

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string[] settings)
    {
        using var patience = new CancellationTokenSource(Patience);
        return await RunAsync(settings, TextWriter.Null, patience.Token);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string[] settings, TextWriter output, CancellationToken stop)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "schuldketen-host-tests", Guid.NewGuid().ToString("N"));
        string[] args = ["--urls", "http://127.0.0.1:0", $"--Schuldketen:DataDirectory={dataDirectory}", .. settings.Select(setting => "--" + setting)];
        using var error = new StringWriter();
        var exitCode = await HubProgram.RunAsync(args, output, error, stop);
        return (exitCode, error.ToString());
    }
}
