using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Schuldketen.Browser.Tests;

/// <summary>What every state of a page must pass: no WCAG 2.1 A or AA violation that axe-core finds, and no sideways scrolling.</summary>
public static class PageChecks
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>The outermost elements that reach past the screen's right edge (their parent does not), to say which one to fix.</summary>
    private const string WiderThanScreen = """
        () => [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > window.innerWidth
                && element.parentElement.getBoundingClientRect().right <= window.innerWidth)
            .slice(0, 5)
            .map(element => `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}.${[...element.classList].join('.')}`)
            .join(', ')
        """;

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe(Wcag21AA);
        Assert.NotEmpty(axe.Passes);
        Assert.True(axe.Violations.Length == 0,
            string.Join(Environment.NewLine, axe.Violations.Select(violation => $"{page.Url}: {violation.Id} ({violation.Help})")));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls {overflow} px sideways, past the screen: " + await page.EvaluateAsync<string>(WiderThanScreen));
    }
}
