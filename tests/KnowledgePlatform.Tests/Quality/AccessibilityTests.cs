using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Quality;

/// <summary>
/// Every kind of public page passes axe-core (WCAG 2.1 A and AA plus best practices) in a real
/// Chromium, on a desktop screen and on the narrowest phone (320 px, WCAG's reflow width).
/// </summary>
public sealed class AccessibilityTests(DemoSiteOverHttp site, ChromiumBrowser chromium)
    : IClassFixture<DemoSiteOverHttp>, IClassFixture<ChromiumBrowser>
{
    private static readonly int[] Widths = [1280, 320];

    [Theory]
    [MemberData(nameof(PublicPages.Paths), MemberType = typeof(PublicPages))]
    public async Task Page_has_no_axe_violations_at_desktop_and_phone_width(string path)
    {
        var kind = PublicPages.At(path);

        // The widths are independent browser contexts, so they are checked at the same time.
        var results = await Task.WhenAll(Widths.Select(width => CheckAsync(kind, width)));

        var failures = results.Where(r => r.Length > 0).ToArray();
        Assert.True(failures.Length == 0, $"axe-core found violations on the {kind} page:\n{string.Concat(failures)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.Paths), MemberType = typeof(PublicPages))]
    public async Task Page_fits_a_320_px_screen_without_scrolling_sideways(string path)
    {
        var kind = PublicPages.At(path);
        var page = await chromium.NewPageAsync(site.BaseAddress, 320);
        try
        {
            await page.GotoAsync(kind.Path);
            var overflowing = await Reflow.OverflowingElementsAsync(page);
            Assert.True(overflowing.Count == 0, $"On the {kind} page at 320 px, these stick out to the right:\n  {string.Join("\n  ", overflowing)}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_checks_find_the_problems_of_a_broken_page()
    {
        // Guards the harness itself: a wrong tag list or a script that never ran would pass every page.
        var page = await chromium.NewPageAsync(site.BaseAddress, 320);
        try
        {
            await page.SetContentAsync("""
                <!DOCTYPE html><html><head><title>Kapot</title></head><body><main>
                <img src="/favicon.svg"><p style="color:#aaa;background:#fff">Lichtgrijs</p>
                <div style="width:600px">Breed</div></main></body></html>
                """);

            var rules = (await Axe.RunAsync(page)).Select(v => v.Id).ToHashSet();
            Assert.Superset(new HashSet<string> { "html-has-lang", "image-alt", "color-contrast" }, rules);
            Assert.Contains(await Reflow.OverflowingElementsAsync(page), e => e.StartsWith("main > div", StringComparison.Ordinal));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The violations at one width as text, or empty.</summary>
    private async Task<string> CheckAsync(PageKind kind, int width)
    {
        var page = await chromium.NewPageAsync(site.BaseAddress, width);
        try
        {
            var response = await page.GotoAsync(kind.Path);
            Assert.Equal((int)kind.Status, response?.Status);
            var violations = await Axe.RunAsync(page);
            return violations.Count == 0 ? "" : $"at {width} px wide:\n{Axe.Describe(violations)}";
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
