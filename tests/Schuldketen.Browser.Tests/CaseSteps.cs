using Microsoft.Playwright;
using Schuldketen.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Schuldketen.Browser.Tests;

/// <summary>
/// The case page's step forms as a professional uses them: a form found by its title, filled in by its labels, sent with
/// its button; a recorded step shows its confirmation and ends the trajectory's history.
/// </summary>
internal sealed class CaseSteps(IPage page, HubServer hub, string trajectoryId)
{
    public ILocator Form(string type) =>
        page.Locator("section.step-form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = Title(type), Exact = true }) });

    public async Task RecordAsync(string type, string phase, Func<ILocator, Task>? fill = null)
    {
        await SendAsync(type, fill);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Vastgelegd: {Title(type)}.");
        var last = (await hub.Store.HistoryAsync(trajectoryId))[^1];
        Assert.Equal((type, phase), (last.EventType, last.Phase));
    }

    /// <summary>Sends a form the hub refuses: nothing is recorded, and the form comes back with its error summary.</summary>
    public async Task<ILocator> RefusedAsync(string type, Func<ILocator, Task> fill)
    {
        var before = (await hub.Store.FindAsync(trajectoryId))!.Sequence;
        await SendAsync(type, fill);
        var form = Form(type);
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze stap is niet vastgelegd.");
        Assert.Equal(before, (await hub.Store.FindAsync(trajectoryId))!.Sequence);
        return form;
    }

    /// <summary>Asserts the message at a field, the same message in the summary linking to it, and the field marked invalid.</summary>
    public static async Task AssertRefusedAsync(ILocator form, ILocator field, string message)
    {
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var id = await field.GetAttributeAsync("id");
        await Expect(form.Locator($"#{id}-fout")).ToHaveTextAsync(message);
        await Expect(form.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = message, Exact = true })).ToHaveAttributeAsync("href", $"#{id}");
    }

    public static ILocator Group(ILocator form, string legend) => form.GetByRole(AriaRole.Group, new() { Name = legend });

    private async Task SendAsync(string type, Func<ILocator, Task>? fill)
    {
        var form = Form(type);
        if (fill is not null)
        {
            await fill(form);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = $"Vastleggen: {Title(type)}" }).ClickAsync();
    }

    private static string Title(string type) => EventCatalogue.Find(type)!.Description;
}
