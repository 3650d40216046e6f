using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Schuldketen.Api.Tests;

/// <summary>
/// The OpenAPI document the hub serves follows Logius' API Design Rules: checked with Logius' own
/// Spectral ruleset (through infra/spectral.sh) and, for the rules that matter most, directly.
/// </summary>
public class OpenApiTests
{
    private const string DocumentPath = "/api/v1/openapi.json";
    private static readonly TimeSpan LinterTimeout = TimeSpan.FromMinutes(5);
    private static readonly string[] OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public async Task The_document_passes_the_API_design_rules_linter_without_errors()
    {
        await using var hub = await HubServer.StartAsync(TestDatabase.Sqlite);
        using var client = hub.Client();
        var document = await client.GetStringAsync(DocumentPath);
        var file = Path.Combine(Path.GetTempPath(), $"schuldketen-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var (exitCode, output, errorOutput) = await RunAsync("bash", Repository.Script("spectral.sh"), file, "--format", "json", "--quiet");
            var findings = ParseFindings(output);
            Assert.True(findings is not null,
                $"infra/spectral.sh did not produce the linter's findings (exit code {exitCode}); it needs Node.js, npm and ../shared/adr/linter.yaml.\n{errorOutput}\n{output}");

            var report = string.Join('\n', findings);
            Assert.True(findings.All(finding => finding.Severity != Finding.Error) && exitCode == 0,
                $"The API design rules linter found errors (exit code {exitCode}):\n{report}\n{errorOutput}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_document_follows_the_core_API_design_rules()
    {
        await using var hub = await HubServer.StartAsync(TestDatabase.Sqlite);
        using var client = hub.Client();
        using var response = await client.GetAsync(DocumentPath);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("API-Version").Single());
        var operations = Operations(root).ToList();
        Assert.NotEmpty(operations);
        var violations = DocumentViolations(root)
            .Concat(operations.SelectMany(operation => Violations(root, operation.Path, operation.Method, operation.Value)))
            .ToList();
        Assert.True(violations.Count == 0, "The document breaks API design rules:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task The_list_documents_page_as_deprecated_and_cursor_as_the_way_to_read_on()
    {
        await using var hub = await HubServer.StartAsync(TestDatabase.Sqlite);
        using var client = hub.Client();
        using var json = JsonDocument.Parse(await client.GetStringAsync(DocumentPath));

        var list = json.RootElement.GetProperty("paths").EnumerateObject()
            .Single(path => path.Name.EndsWith("/trajectories", StringComparison.Ordinal)).Value.GetProperty("get");
        var parameters = list.GetProperty("parameters").EnumerateArray().ToDictionary(parameter => parameter.GetProperty("name").GetString()!);

        Assert.True(parameters["page"].GetProperty("deprecated").GetBoolean());
        Assert.False(parameters["cursor"].TryGetProperty("deprecated", out var cursorDeprecated) && cursorDeprecated.GetBoolean());
        Assert.Contains("page parameter is deprecated", list.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_interactive_documentation_is_served_as_HTML()
    {
        await using var hub = await HubServer.StartAsync(TestDatabase.Sqlite);
        using var client = hub.Client();

        using var page = await client.GetAsync("/api/v1/docs");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, "scalar.js"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("api/v1/openapi.json", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private static IEnumerable<(string Path, string Method, JsonElement Value)> Operations(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(member => OperationMethods.Contains(member.Name))
            .Select(member => (path.Name, member.Name, member.Value)));

    private static IEnumerable<string> DocumentViolations(JsonElement root)
    {
        var info = root.GetProperty("info");
        if (!Regex.IsMatch(info.GetProperty("version").GetString()!, @"^\d+\.\d+\.\d+$"))
        {
            yield return $"info.version {info.GetProperty("version")} is not major.minor.patch";
        }

        foreach (var field in new[] { "name", "email", "url" })
        {
            if (!info.TryGetProperty("contact", out var contact) || !contact.TryGetProperty(field, out var value) || string.IsNullOrWhiteSpace(value.GetString()))
            {
                yield return $"info.contact.{field} is missing";
            }
        }

        var servers = root.TryGetProperty("servers", out var list) ? list.EnumerateArray().Select(server => server.GetProperty("url").GetString()!).ToList() : [];
        if (servers.Count == 0 || servers.Any(url => !url.StartsWith("https://", StringComparison.Ordinal) || !url.EndsWith("/v1", StringComparison.Ordinal)))
        {
            yield return $"the server URLs ({string.Join(", ", servers)}) are not https ending in the major version /v1";
        }

        var operationIds = Operations(root).Select(operation => operation.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();
        if (operationIds.Contains(null) || operationIds.Distinct().Count() != operationIds.Count)
        {
            yield return $"operation ids are missing or not unique: {string.Join(", ", operationIds)}";
        }
    }

    private static IEnumerable<string> Violations(JsonElement root, string path, string method, JsonElement operation)
    {
        var name = $"{method.ToUpperInvariant()} {path}";
        if (!Regex.IsMatch(path, @"^(/([a-z0-9-]+|\{[^}]+\}))+$"))
        {
            yield return $"{name}: the path is not kebab-case without a trailing slash";
        }

        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        foreach (var query in parameters.Where(parameter => parameter.GetProperty("in").GetString() == "query"))
        {
            if (!Regex.IsMatch(query.GetProperty("name").GetString()!, "^[a-z][a-zA-Z0-9]*$"))
            {
                yield return $"{name}: query parameter {query.GetProperty("name")} is not lowerCamelCase";
            }
        }

        var responses = operation.GetProperty("responses");
        var takesInput = parameters.Count > 0 || operation.TryGetProperty("requestBody", out _) || method is not ("get" or "delete");
        if (takesInput && !responses.TryGetProperty("400", out _))
        {
            yield return $"{name}: takes input but documents no 400";
        }

        foreach (var response in responses.EnumerateObject())
        {
            var status = int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture);
            if (status < 400)
            {
                if (!response.Value.TryGetProperty("headers", out var headers) || !headers.TryGetProperty("API-Version", out _))
                {
                    yield return $"{name} {status}: no API-Version header";
                }
            }
            else if (!response.Value.TryGetProperty("content", out var content)
                     || !content.TryGetProperty("application/problem+json", out var problem)
                     || !IsProblemDetails(root, problem.GetProperty("schema")))
            {
                yield return $"{name} {status}: not application/problem+json with type, title, status, detail and instance";
            }
        }
    }

    private static bool IsProblemDetails(JsonElement root, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(root, (node, segment) => node.GetProperty(segment));
        }

        return schema.TryGetProperty("properties", out var properties)
               && new[] { "type", "title", "status", "detail", "instance" }.All(member => properties.TryGetProperty(member, out _));
    }

    private static List<Finding>? ParseFindings(string output)
    {
        try
        {
            return JsonSerializer.Deserialize<List<Finding>>(output, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<(int ExitCode, string Output, string ErrorOutput)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errorOutput = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(LinterTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {LinterTimeout}.");
        }

        return (process.ExitCode, await output, await errorOutput);
    }


    /// <summary>One finding of Spectral's JSON output.</summary>
    private sealed record Finding(string Code, string Message, IReadOnlyList<JsonElement> Path, int Severity)
    {
        public const int Error = 0;

        private static readonly string[] SeverityNames = ["error", "warning", "info", "hint"];

        public override string ToString() =>
            $"{SeverityNames.ElementAtOrDefault(Severity) ?? Severity.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Code} at {string.Join('.', Path)}: {Message}";
    }
}
