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

    [Theory]
    [InlineData("/", 320)]
    [InlineData("/", 1280)]
    [InlineData("/agenda/demo-werkplaats-lerende-praktijk", 320)]
    [InlineData("/zoeken?q=inclusie", 1280)]
    public async Task Keyboard_users_get_a_skip_link_first_and_always_see_where_the_focus_is(string path, int width)
    {
        // axe-core checks that a skip link exists, not that it is the first stop, works and shows;
        // nor that focus is visible (WCAG 2.4.1, 2.4.7): that needs real key presses.
        var page = await pages.Chromium.NewPageAsync(pages.BaseAddress, width);
        try
        {
            await page.GotoAsync(path);
            await page.Keyboard.PressAsync("Tab");
            var skip = await FocusedAsync(page);
            Assert.Equal(("A", "#main"), (skip.Tag, skip.Href));
            Assert.True(skip.Visible && skip.Indicated, $"the skip link is focused but not shown with a focus indicator: {skip}");

            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

            var unseen = new List<string>();
            for (var stop = 0; stop < 15; stop++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focused = await FocusedAsync(page);
                if (focused.Tag == "BODY")
                {
                    break;
                }

                if (!focused.Visible || !focused.Indicated)
                {
                    unseen.Add(focused.ToString());
                }
            }

            Assert.True(unseen.Count == 0, $"focus is not visible on:\n  {string.Join("\n  ", unseen)}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The focused element; Indicated: an outline of at least 2 px or a box shadow (the focus styles we use).</summary>
    private sealed class Focused
    {
        public string Tag { get; set; } = "";
        public string? Href { get; set; }
        public string Text { get; set; } = "";
        public bool Visible { get; set; }
        public bool Indicated { get; set; }

        public override string ToString() => $"<{Tag.ToLowerInvariant()}> \"{Text}\"{(Href is null ? "" : $" href={Href}")}: {(Visible ? "" : "off screen; ")}{(Indicated ? "" : "no outline or shadow")}";
    }

    private static Task<Focused> FocusedAsync(Microsoft.Playwright.IPage page) => page.EvaluateAsync<Focused>("""
        async () => {
          // The page scrolls smoothly to the focused element: read where it ends up (scrollY still for 3 frames).
          for (let i = 0, last = -1, still = 0; i < 120 && still < 3; i++) {
            await new Promise(done => requestAnimationFrame(done));
            still = scrollY === last ? still + 1 : 0;
            last = scrollY;
          }
          const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
          return {
            tag: e.tagName, href: e.getAttribute('href'), text: (e.textContent || e.getAttribute('name') || '').trim().slice(0, 40),
            visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
            indicated: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
          };
        }
        """);

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

            await page.SetContentAsync("""
                <!DOCTYPE html><html lang="nl"><head><title>Geen focus</title></head><body>
                <a href="#a" style="outline:none">Verborgen focus</a><div style="height:3000px"></div><a href="#b" style="outline:3px solid">Ver weg</a></body></html>
                """);
            await page.Keyboard.PressAsync("Tab");
            Assert.False((await FocusedAsync(page)).Indicated);
            await page.Keyboard.PressAsync("Tab");
            var far = await FocusedAsync(page);
            Assert.True(far.Visible && far.Indicated, far.ToString()); // the harness waits for the scroll to the focused element
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
