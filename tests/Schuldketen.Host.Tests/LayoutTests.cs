using System.Xml.Linq;

namespace Schuldketen.Host.Tests;

/// <summary>
/// The tree shows the way an event travels: contracts, the domain, the store, the relays, the edges. A project may only
/// reference projects that come before it, and the domain knows no database, HTTP or broker.
/// </summary>
public class LayoutTests
{
    private static readonly string[] Flow =
    [
        "contracts/Schuldketen.Contracts",
        "contracts/Schuldketen.Contracts.Fhir",
        "workflows/Schuldketen.Workflows",
        "workflows/Schuldketen.Workflows.Store",
        "workflows/Schuldketen.Workflows.Relays",
        "functions/Schuldketen.Functions",
        "functions/Schuldketen.Functions.Worker",
    ];

    private static readonly string[] PackagesTheDomainMayNotUse =
        ["Dapper", "Npgsql", "Microsoft.Data.Sqlite", "dbup-sqlite", "dbup-postgresql", "AMQPNetLite", "RabbitMQ.Client", "Azure.Messaging.ServiceBus"];

    private static readonly string[] NamespacesTheDomainMayNotUse = ["System.Net.Sockets", "System.Net.Http", "System.Data", "Microsoft.AspNetCore"];

    public static TheoryData<string> Projects() => new(Flow);

    [Fact]
    public void Every_project_under_the_flow_folders_has_its_place_in_the_flow()
    {
        var found = new[] { "contracts", "workflows", "functions" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Repository.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(path)!).Replace('\\', '/'))

            // The Functions SDK generates a project for the worker's extensions under obj/ at build.
            .Where(project => !project.Split('/').Contains("obj"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Flow.Order(StringComparer.Ordinal), found);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_only_projects_earlier_in_the_flow(string project)
    {
        var position = Array.IndexOf(Flow, project);

        var later = ProjectReferences(project).Where(reference => Array.IndexOf(Flow, reference) >= position).ToList();

        Assert.True(later.Count == 0, $"{project} references {string.Join(", ", later)}, which come at or after it in the flow.");
    }

    [Fact]
    public void The_domain_references_no_database_http_or_broker_package()
    {
        var packages = Project("workflows/Schuldketen.Workflows").Descendants("PackageReference")
            .Select(element => (string)element.Attribute("Include")!);

        Assert.Empty(packages.Intersect(PackagesTheDomainMayNotUse, StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain(Project("workflows/Schuldketen.Workflows").Descendants("FrameworkReference"), _ => true);
    }

    [Fact]
    public void The_domain_code_uses_no_sockets_http_or_data_access()
    {
        var folder = Path.Combine(Repository.Root, "workflows", "Schuldketen.Workflows");
        var offending = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path)
                .Where(line => NamespacesTheDomainMayNotUse.Any(name => line.Contains(name, StringComparison.Ordinal)))
                .Select(line => $"{Path.GetRelativePath(Repository.Root, path)}: {line.Trim()}"))
            .ToList();

        Assert.Empty(offending);
    }

    private static IEnumerable<string> ProjectReferences(string project) =>
        Project(project).Descendants("ProjectReference")
            .Select(element => Path.GetFullPath(Path.Combine(Repository.Root, project, (string)element.Attribute("Include")!)))
            .Select(path => Path.GetRelativePath(Repository.Root, Path.GetDirectoryName(path)!).Replace('\\', '/'));

    private static XDocument Project(string project) =>
        XDocument.Load(Path.Combine(Repository.Root, project, Path.GetFileName(project) + ".csproj"));
}
