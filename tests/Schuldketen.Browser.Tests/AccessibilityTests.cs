using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Schuldketen.Functions.Demo;

namespace Schuldketen.Browser.Tests;

/// <summary>
/// Follows every link from the start page, as a resident and as a professional, at 1280 and 360 pixels
/// wide, and checks each page: axe-core finds no WCAG 2.1 A or AA violation, the skip link comes first,
/// headings go down one level at a time, nothing scrolls sideways, and no BSN is in the page or its address.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccessibilityTests(Chromium chromium) : IAsyncLifetime
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private HubServer hub = null!;

    public async Task InitializeAsync() => hub = await PortalHub.StartAsync();

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Theory]
    [InlineData(Visitor.Wide)]
    [InlineData(Visitor.Narrow)]
    public async Task Every_page_a_resident_reaches_is_accessible(int width)
    {
        await using var visitor = await Visitor.OpenAsync(chromium, hub, width);
        await visitor.LoginAsResidentAsync(DemoResidents.All[13]);
        var visited = await CrawlAsync(visitor, $"bewoner-{width}");
        Assert.Contains("/mijn-schuldhulp/traject/{id}", visited);
        Assert.Contains("/mijn-schuldhulp/traject/{id}/bekeken", visited);
        Assert.Contains("/mijn-schuldhulp/berichten", visited);
        Assert.Contains("/mijn-schuldhulp/traject/{id}/gesprek", visited);
        Assert.Contains("/aanmelden", visited);
    }

    [Theory]
    [InlineData(Visitor.Wide)]
    [InlineData(Visitor.Narrow)]
    public async Task Every_page_a_professional_reaches_is_accessible(int width)
    {
        await using var visitor = await Visitor.OpenAsync(chromium, hub, width);
        await visitor.LoginAsStaffAsync(DemoStaff.All.Single(member => member.Organisation == DemoOrganisations.Municipality));
        var visited = await CrawlAsync(visitor, $"medewerker-{width}");
        Assert.Contains("/werkplek", visited);
        Assert.Contains("/werkplek/traject/{id}", visited);
        Assert.Contains("/werkplek/traject/{id}/gesprek", visited);
        Assert.Contains("/werkplek/ketenoverzicht", visited);
        Assert.Contains("/werkplek/vroegsignalering", visited);
        Assert.Contains("/werkplek/aanmelden", visited);
    }

    /// <summary>Visits every page reachable by links from the start page, once per kind of page (trajectory ids left out); returns the kinds visited.</summary>
    private async Task<IReadOnlyList<string>> CrawlAsync(Visitor visitor, string name)
    {
        var page = visitor.Page;
        var bsns = DemoResidents.All.Select(resident => DemoSeed.ResidentBsn(resident.Index).Digits).ToList();
        var seen = new HashSet<string>(["/"], StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var problems = new List<string>();
        while (queue.TryDequeue(out var path))
        {
            await page.GotoAsync(path);
            var kind = KindOf(path);
            var html = await page.ContentAsync();
            problems.AddRange(bsns.Where(bsn => html.Contains(bsn, StringComparison.Ordinal) || page.Url.Contains(bsn, StringComparison.Ordinal))
                .Select(_ => $"{path}: a BSN is in the page or its address"));

            var axe = await page.RunAxe(Wcag21AA);
            Assert.NotEmpty(axe.Passes);
            problems.AddRange(axe.Violations.Select(violation =>
                $"{path}: {violation.Id} ({violation.Help}) at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}"));
            await visitor.ScreenshotAsync($"{name}{ScreenshotName(kind)}");
            problems.AddRange((await LayoutProblemsAsync(page)).Select(problem => $"{path}: {problem}"));

            foreach (var href in await page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))"))
            {
                var target = href.Split('#')[0];
                if (target.Length > 0 && seen.Add(KindOf(target)))
                {
                    queue.Enqueue(target);
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return seen.ToList();
    }

    private static async Task<IReadOnlyList<string>> LayoutProblemsAsync(IPage page)
    {
        var problems = new List<string>();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        if (overflow > 0)
        {
            problems.Add($"scrolls {overflow} px sideways");
        }

        var levels = await page.Locator("h1, h2, h3, h4, h5, h6").EvaluateAllAsync<int[]>("headings => headings.map(h => Number(h.tagName[1]))");
        if (levels.Length == 0 || levels[0] != 1 || levels.Count(level => level == 1) != 1 || levels.Zip(levels.Skip(1)).Any(pair => pair.Second > pair.First + 1))
        {
            problems.Add($"headings out of order: {string.Join(' ', levels)}");
        }

        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim() + ' ' + getComputedStyle(document.activeElement).outlineStyle");
        if (!first.StartsWith("Direct naar de inhoud", StringComparison.Ordinal) || first.EndsWith(" none", StringComparison.Ordinal))
        {
            problems.Add($"the first Tab does not land on a visibly focused skip link: '{first}'");
        }

        return problems;
    }

    private static string KindOf(string path) => TrajectoryId().Replace(path.Split('?')[0], "{id}");

    private static string ScreenshotName(string kind) => kind == "/" ? "-start" : kind.Replace("/{id}", "", StringComparison.Ordinal).Replace('/', '-');

    [GeneratedRegex("(?<=/traject/)[^/]+")]
    private static partial Regex TrajectoryId();
}
