using Microsoft.Playwright;
using Schuldketen.Functions.Demo;

namespace Schuldketen.Browser.Tests;

/// <summary>A person in their own browser context, logging in the way the pages offer it.</summary>
public sealed class Visitor(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public const int Wide = 1280;
    public const int Narrow = 360;

    public IPage Page => page;

    public IBrowserContext Context => context;

    public static async Task<Visitor> OpenAsync(Chromium chromium, HubServer hub, int width = Wide)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = hub.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = width == Narrow ? 740 : 800 },
            Locale = "nl-NL",
        });
        return new Visitor(context, await context.NewPageAsync());
    }

    public async Task LoginAsResidentAsync(DemoResident resident)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inloggen bij Mijn schuldhulp" }).ClickAsync();
        await page.GetByLabel("Ik ben").SelectOptionAsync(new SelectOptionValue { Label = resident.Name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn schuldhulp", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task LoginAsStaffAsync(DemoStaffMember member)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inloggen op de Werkplek" }).ClickAsync();
        await page.GetByLabel("Ik ben").SelectOptionAsync(new SelectOptionValue { Label = $"{member.Person.Name}, {member.Organisation.Name}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Werkplek", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Writes a screenshot of what the visitor sees now under the test output's <c>screenshots</c> folder.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
