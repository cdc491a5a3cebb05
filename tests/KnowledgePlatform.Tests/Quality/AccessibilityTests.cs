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
