using System.Text.Json.Nodes;

namespace Schuldketen.Host.Tests;

/// <summary>
/// The demo deployment as Bicep predicts it from <c>infra/azure/main.demo.bicepparam</c> (<c>bicep snapshot</c>): every
/// resource with its loops unrolled and its names worked out, for a made-up subscription and resource group. Values only
/// Azure knows at deployment (endpoints, identities) stay expressions. Offline; nothing is deployed.
/// </summary>
public sealed class DemoDeployment : IAsyncLifetime
{
    public IReadOnlyList<JsonObject> Resources { get; private set; } = [];

    /// <summary>The snapshot as written, to look for what must not be in it.</summary>
    public string Text { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The snapshot is written next to the parameter file; a copy keeps the repository clean.
        var copy = Directory.CreateTempSubdirectory("schuldketen-azure-");
        try
        {
            foreach (var file in Directory.GetFiles(BicepCli.AzureFolder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy.FullName, Path.GetRelativePath(BicepCli.AzureFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var run = await BicepCli.RunAsync(copy.FullName, "snapshot", "main.demo.bicepparam", "--mode", "overwrite",
                "--tenant-id", "00000000-0000-0000-0000-00000000000a", "--subscription-id", "00000000-0000-0000-0000-00000000000b",
                "--resource-group", "schuldketen-demo", "--location", "westeurope");
            Assert.True(run.ExitCode == 0 && run.Diagnostics.Count == 0,
                $"bicep snapshot exited with {run.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, run.Diagnostics)}");

            Text = await File.ReadAllTextAsync(Path.Combine(copy.FullName, "main.demo.snapshot.json"));
            Resources = JsonNode.Parse(Text)!["predictedResources"]!.AsArray().Select(resource => resource!.AsObject()).ToList();
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public IEnumerable<JsonObject> OfType(string type) => Resources.Where(resource => (string?)resource["type"] == type);

    /// <summary>The last part of a resource's name: a subscription's partner, a queue's name, a rule's name.</summary>
    public static string ShortName(JsonObject resource) => ((string)resource["name"]!).Split('/')[^1];

    /// <summary>The part of a resource's name one level up: a rule's subscription.</summary>
    public static string ParentName(JsonObject resource) => ((string)resource["name"]!).Split('/')[^2];

    public JsonObject Site(string kind) => Assert.Single(OfType("Microsoft.Web/sites"), site => (string?)site["kind"] == kind);

    public static IReadOnlyDictionary<string, string> AppSettings(JsonObject site) =>
        site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(setting => (string)setting!["name"]!, setting => (string)setting!["value"]!, StringComparer.Ordinal);
}
