using Schuldketen.Contracts;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Functions.Demo;

namespace Schuldketen.Host.Tests;

/// <summary>
/// What the demo deployment on Azure gives the chain, read from Bicep's own prediction of it: each partner on the bus
/// hears only its own events and has an intake queue per role, both apps run on the same settings with every secret
/// in Key Vault, and each app's identity may use the bus, the vault and the hub's blobs.
/// </summary>
public class AzureDeploymentTests(DemoDeployment demo) : IClassFixture<DemoDeployment>
{
    private readonly PredictedDeployment deployment = demo.Predicted;

    private const string FunctionApp = "functionapp,linux";
    private const string WebApp = "app,linux";

    /// <summary>The demo organisations that exchange events over the bus: all but the GP practice, which refers over FHIR.</summary>
    private static readonly IReadOnlyList<DemoOrganisation> BusPartners =
        DemoOrganisations.All.Where(organisation => organisation.Role != PartnerRole.GeneralPractitioner).ToList();

    [Fact]
    public void Each_demo_partner_hears_only_its_own_events_on_the_topic()
    {
        var subscriptions = deployment.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions").ToList();
        Assert.Equal(BusPartners.Select(partner => partner.Oin).Order(StringComparer.Ordinal),
            subscriptions.Select(PredictedDeployment.ShortName).Order(StringComparer.Ordinal));
        Assert.All(subscriptions, subscription => Assert.Equal("schuldketen.uit", PredictedDeployment.ParentName(subscription)));

        var rules = deployment.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules").ToList();
        foreach (var partner in BusPartners)
        {
            // One rule per subscription, and it is the one Service Bus would otherwise fill with "everything".
            var rule = Assert.Single(rules, rule => PredictedDeployment.ParentName(rule) == partner.Oin);
            Assert.Equal("$Default", PredictedDeployment.ShortName(rule));
            Assert.Equal("CorrelationFilter", (string?)rule["properties"]!["filterType"]);
            var filter = rule["properties"]!["correlationFilter"]!["properties"]!.AsObject();
            Assert.Equal(partner.Oin, (string?)Assert.Single(filter, property => property.Key == BusAddresses.RecipientProperty).Value);
            Assert.Single(filter);
        }
    }

    [Fact]
    public void Each_demo_partner_sends_on_its_own_intake_queue_with_dead_lettering_after_the_hubs_attempts()
    {
        var hubAttempts = int.Parse(PredictedDeployment.AppSettings(deployment.Site(FunctionApp))["Schuldketen__Bus__MaxDeliveryCount"],
            System.Globalization.CultureInfo.InvariantCulture);
        var queues = deployment.OfType("Microsoft.ServiceBus/namespaces/queues").ToList();

        Assert.Equal(BusPartners.Select(partner => $"schuldketen.in.{partner.Role.WireName()}.{partner.Oin}").Order(StringComparer.Ordinal),
            queues.Select(PredictedDeployment.ShortName).Order(StringComparer.Ordinal));
        Assert.All(queues, queue =>
        {
            Assert.True((int)queue["properties"]!["maxDeliveryCount"]! > hubAttempts,
                $"{PredictedDeployment.ShortName(queue)} dead-letters before the hub has made its {hubAttempts} attempts with a reason.");
            Assert.True((bool)queue["properties"]!["deadLetteringOnMessageExpiration"]!);
        });
    }

    [Fact]
    public void Both_apps_run_on_the_same_hub_settings_with_every_secret_a_key_vault_reference()
    {
        var functions = PredictedDeployment.AppSettings(deployment.Site(FunctionApp));
        var pages = PredictedDeployment.AppSettings(deployment.Site(WebApp));

        Assert.Equal(HubSettings(pages), HubSettings(functions));
        foreach (var secret in new[]
                 {
                     "Schuldketen__Postgres", "Schuldketen__Keys__SubjectHash", "Schuldketen__Keys__SubjectEncryption", "Schuldketen__Keys__TokenSigning",
                     "Schuldketen__DataProtection__Certificate",
                 })
        {
            Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", functions[secret], StringComparison.Ordinal);
        }

        Assert.Equal("ServiceBus", functions["Schuldketen__Bus__Profile"]);
        Assert.Contains("Microsoft.ServiceBus/namespaces", functions["Schuldketen__Bus__FullyQualifiedNamespace"], StringComparison.Ordinal);
        Assert.Equal(["Schuldketen__DataProtection__ApplicationName", "Schuldketen__DataProtection__BlobUri", "Schuldketen__DataProtection__Certificate"],
            functions.Keys.Where(name => name.StartsWith("Schuldketen__DataProtection__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(BicepCli.TestPostgresPassword, deployment.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Handed_in_files_go_to_a_private_attachments_container_of_the_hubs_storage_that_both_apps_name()
    {
        var functions = PredictedDeployment.AppSettings(deployment.Site(FunctionApp));
        var containers = deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        var attachments = Assert.Single(containers, container => PredictedDeployment.ShortName(container) == "attachments");
        Assert.Equal("None", (string?)attachments["properties"]!["publicAccess"]);
        Assert.Equal("Blob", functions["Schuldketen__Conversations__AttachmentStore"]);
        Assert.EndsWith("attachments')]", functions["Schuldketen__Conversations__AttachmentContainer"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.blob", functions["Schuldketen__Conversations__AttachmentContainer"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_with_two_roles_gets_one_subscription_and_an_intake_queue_per_role()
    {
        const string Oin = "00000001005555555000";
        var twoRoles = await PredictedDeployment.PredictAsync("twee-rollen.bicepparam", $$"""
            using 'main.bicep'
            param environmentName = 'test'
            param hubOin = '00000001000000000000'
            param busPartners = [
              { organisation: '{{Oin}}', role: 'schuldeiser' }
              { organisation: '{{Oin}}', role: 'bewindvoerder' }
            ]
            param postgresAdministratorPassword = '{{BicepCli.TestPostgresPassword}}'
            """);

        Assert.Equal([Oin], twoRoles.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions").Select(PredictedDeployment.ShortName));
        Assert.Equal([$"schuldketen.in.bewindvoerder.{Oin}", $"schuldketen.in.schuldeiser.{Oin}"],
            twoRoles.OfType("Microsoft.ServiceBus/namespaces/queues").Select(PredictedDeployment.ShortName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(FunctionApp)]
    [InlineData(WebApp)]
    public void An_apps_identity_may_use_the_bus_the_vault_and_the_hubs_blobs(string kind)
    {
        var site = (string)deployment.Site(kind)["id"]!;
        var granted = deployment.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => ((string)assignment["properties"]!["principalId"]!).Contains($"reference('{site}'", StringComparison.Ordinal))
            .Select(assignment => (Role: ((string)assignment["properties"]!["roleDefinitionId"]!).Split('/')[^1], Scope: ScopeType((string)assignment["id"]!)))
            .ToList();

        Assert.Contains(("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Microsoft.ServiceBus/namespaces"), granted); // Azure Service Bus Data Sender
        Assert.Contains(("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", "Microsoft.ServiceBus/namespaces"), granted); // Azure Service Bus Data Receiver
        Assert.Contains(("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults"), granted); // Key Vault Secrets User
        Assert.Contains(("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Microsoft.Storage/storageAccounts"), granted); // Storage Blob Data Contributor
    }

    private static IEnumerable<KeyValuePair<string, string>> HubSettings(IReadOnlyDictionary<string, string> settings) =>
        settings.Where(setting => setting.Key.StartsWith("Schuldketen__", StringComparison.Ordinal)).OrderBy(setting => setting.Key, StringComparer.Ordinal);

    /// <summary>The resource type an assignment's id names as its scope: <c>extensionResourceId('/subscriptions/…/providers/&lt;type&gt;/&lt;name&gt;', …)</c>.</summary>
    private static string ScopeType(string id)
    {
        var scope = id.Split('\'')[1].Split('/');
        var providers = Array.IndexOf(scope, "providers");
        return $"{scope[providers + 1]}/{scope[providers + 2]}";
    }
}
