using System.Text.Json.Nodes;

namespace Schuldketen.Host.Tests;

/// <summary>
/// A deployment of <c>infra/azure</c> as Bicep predicts it from a parameter file (<c>bicep snapshot</c>): every resource
/// with its loops unrolled and its names worked out, for a made-up subscription and resource group. Values only Azure
/// knows at deployment (endpoints, identities) stay expressions. Offline; nothing is deployed.
/// </summary>
public sealed class PredictedDeployment
{
    private PredictedDeployment(string text)
    {
        Text = text;
        Resources = JsonNode.Parse(text)!["predictedResources"]!.AsArray().Select(resource => resource!.AsObject()).ToList();
    }

    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>The snapshot as written, to look for what must not be in it.</summary>
    public string Text { get; }

    /// <summary>Predicts the deployment with <paramref name="parameterFile"/>, which is one of infra/azure's or given as <paramref name="parameters"/>.</summary>
    public static async Task<PredictedDeployment> PredictAsync(string parameterFile, string? parameters = null)
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

            if (parameters is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(copy.FullName, parameterFile), parameters);
            }

            var run = await BicepCli.RunAsync(copy.FullName, "snapshot", parameterFile, "--mode", "overwrite",
                "--tenant-id", "00000000-0000-0000-0000-00000000000a", "--subscription-id", "00000000-0000-0000-0000-00000000000b",
                "--resource-group", "schuldketen-test", "--location", "westeurope");
            Assert.True(run.ExitCode == 0 && run.Diagnostics.Count == 0,
                $"bicep snapshot {parameterFile} exited with {run.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, run.Diagnostics)}");

            return new PredictedDeployment(await File.ReadAllTextAsync(Path.Combine(copy.FullName, Path.ChangeExtension(parameterFile, ".snapshot.json"))));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

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

/// <summary>The demo deployment (<c>main.demo.bicepparam</c>), predicted once for a test class.</summary>
public sealed class DemoDeployment : IAsyncLifetime
{
    public PredictedDeployment Predicted { get; private set; } = null!;

    public async Task InitializeAsync() => Predicted = await PredictedDeployment.PredictAsync("main.demo.bicepparam");

    public Task DisposeAsync() => Task.CompletedTask;
}
