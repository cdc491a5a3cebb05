using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.Quality;

/// <summary>
/// WCAG 1.4.10 (reflow): at 320 CSS px content fits without scrolling sideways. axe-core cannot
/// see this, so the page is measured: the elements sticking out past the viewport's right edge.
/// </summary>
public static class Reflow
{
    // Only the outermost overflowing elements: their children would repeat the same finding.
    private const string OverflowingScript = """
        () => {
          const width = document.documentElement.clientWidth;
          const sticksOut = el => el.getBoundingClientRect().right > width + 1;
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
            + [...el.classList].map(c => '.' + c).join('');
          const path = el => { const p = []; for (; el && el !== document.body; el = el.parentElement) p.unshift(name(el)); return p.join(' > '); };
          return [...document.body.querySelectorAll('*')]
            .filter(el => sticksOut(el) && !(el.parentElement && sticksOut(el.parentElement) && el.parentElement !== document.body))
            .filter(el => getComputedStyle(el).position !== 'fixed' && el.getClientRects().length > 0)
            .map(el => `${path(el)} (right edge at ${Math.round(el.getBoundingClientRect().right)} px)`);
        }
        """;

    /// <summary>The elements wider than the viewport, outermost first; empty when the page reflows.</summary>
    public static async Task<IReadOnlyList<string>> OverflowingElementsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(OverflowingScript);
}
