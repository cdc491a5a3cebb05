namespace KnowledgePlatform.Tests.Quality;

/// <summary>
/// Every kind of public page passes axe-core (WCAG 2.1 A and AA plus best practices) in a real
/// Chromium and fits the screen without scrolling sideways, on a desktop screen and on the
/// narrowest phone (see <see cref="BrowserCheckedPages.Widths"/>).
/// </summary>
public sealed class AccessibilityTests(BrowserCheckedPages pages) : IClassFixture<BrowserCheckedPages>
{
    [Theory]
    [MemberData(nameof(PublicPages.Paths), MemberType = typeof(PublicPages))]
    public void Page_has_no_axe_violations_at_desktop_and_phone_width(string path)
    {
        var checks = pages.For(path);
        AssertStatus(checks);

        var failures = checks.Where(c => c.Violations.Count > 0)
            .Select(c => $"at {c.Width} px wide:\n{Axe.Describe(c.Violations)}")
            .ToList();
        Assert.True(failures.Count == 0, $"axe-core found violations on the {checks[0].Kind} page:\n{string.Concat(failures)}");
    }

    [Theory]
    [MemberData(nameof(PublicPages.Paths), MemberType = typeof(PublicPages))]
    public void Page_fits_the_screen_without_scrolling_sideways(string path)
    {
        var checks = pages.For(path);
        AssertStatus(checks);

        var failures = checks.Where(c => c.Overflowing.Count > 0)
            .Select(c => $"at {c.Width} px wide, these stick out to the right:\n  {string.Join("\n  ", c.Overflowing)}\n")
            .ToList();
        Assert.True(failures.Count == 0, $"The {checks[0].Kind} page is wider than the screen:\n{string.Concat(failures)}");
    }

    [Fact]
    public async Task The_checks_find_the_problems_of_a_broken_page()
    {
        // Guards the harness itself: a wrong tag list or a script that never ran would pass every page.
        var page = await pages.Chromium.NewPageAsync(pages.BaseAddress, 320);
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

    // A wrong URL in PublicPages would otherwise check the 404 page under another name.
    private static void AssertStatus(IReadOnlyList<BrowserCheckedPages.Check> checks)
    {
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.Equal((int)c.Kind.Status, c.Status));
    }
}
