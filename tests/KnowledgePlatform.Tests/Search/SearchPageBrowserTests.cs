using System.Text.RegularExpressions;
using KnowledgePlatform.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.Search;

/// <summary>
/// /zoeken in a real Chromium: typing shows autocomplete suggestions (an ARIA 1.2 combobox) and
/// updates the results in place, without leaving the page; the keyboard picks a suggestion.
/// </summary>
public sealed class SearchPageBrowserTests(DemoSiteOverHttp site, ChromiumBrowser chromium)
    : IClassFixture<DemoSiteOverHttp>, IClassFixture<ChromiumBrowser>
{
    private const int Timeout = 90_000; // generous: a full parallel test run saturates 2 cores; 30 s was seen to run out

    [Fact]
    public async Task Typing_shows_suggestions_and_updates_results_in_place()
    {
        var page = await chromium.NewPageAsync(site.BaseAddress, 1280);
        try
        {
            await page.GotoAsync("/zoeken?q=zzzzqqq");
            Assert.Equal("0 resultaten", (await page.Locator("[data-kp-search-status]").TextContentAsync())?.Trim());
            await page.EvaluateAsync("() => { window.kpSamePage = true; }");

            var box = page.Locator("#kp-search-q");
            await box.FillAsync("");
            await box.PressSequentiallyAsync("Helderman", new() { Delay = 40 });

            // Suggestions: a listbox the box controls, with options, and the box says it is expanded.
            var listId = await box.GetAttributeAsync("aria-controls");
            Assert.Equal("combobox", await box.GetAttributeAsync("role"));
            await page.WaitForSelectorAsync($"#{listId} [role=option]", new() { Timeout = Timeout });
            Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));
            var options = await page.Locator($"#{listId} [role=option]").AllTextContentsAsync();
            Assert.Contains(options, o => o.Contains("Helderman", StringComparison.Ordinal));
            // Right under the box, not under the whole form (which also holds the facets).
            var boxBounds = (await box.BoundingBoxAsync())!;
            var listBounds = (await page.Locator($"#{listId}").BoundingBoxAsync())!;
            Assert.InRange(listBounds.Y - (boxBounds.Y + boxBounds.Height), 0, 16);

            // Results in place: the count (in the role=status region) and the list change, the address follows, no navigation.
            await page.WaitForFunctionAsync("() => /^[1-9]\\d* resultaten?$/.test(document.querySelector('[data-kp-search-status]').textContent.trim())",
                null, new() { Timeout = Timeout });
            Assert.True(await page.Locator("[data-kp-search-part=results] li").CountAsync() >= 1);
            Assert.Contains("Helderman", await page.Locator("[data-kp-search-part=results]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>("() => window.kpSamePage === true"));
            await WaitForAddressAsync(page, "q=Helderman");

            // A facet checkbox also updates in place.
            var facet = page.Locator("[data-kp-search-part=facets] input[type=checkbox][name=type]").First;
            var facetId = await facet.GetAttributeAsync("id");
            var requests = new List<string>();
            page.Request += (_, r) => { lock (requests) requests.Add($"{r.Method} {r.Url} ({r.ResourceType}) started"); };
            page.RequestFinished += (_, r) => { lock (requests) requests.Add($"{r.Method} {r.Url} finished"); };
            page.RequestFailed += (_, r) => { lock (requests) requests.Add($"{r.Method} {r.Url} failed: {r.Failure}"); };
            page.Console += (_, m) => { lock (requests) requests.Add($"console {m.Type}: {m.Text}"); };
            page.PageError += (_, error) => { lock (requests) requests.Add($"page error: {error}"); };
            await facet.CheckAsync();
            try
            {
                await WaitForAddressAsync(page, "type=");
            }
            catch (TimeoutException e)
            {
                string seen;
                lock (requests) seen = string.Join("; ", requests);
                throw new TimeoutException($"The address stayed {await page.EvaluateAsync<string>("() => location.href")}; checkbox checked: {await facet.IsCheckedAsync()}; requests after the click: {seen}", e);
            }
            await page.WaitForFunctionAsync($"() => document.getElementById('{facetId}')?.checked === true", null, new() { Timeout = Timeout });
            string log;
            lock (requests) log = string.Join("; ", requests);
            Assert.True(await page.EvaluateAsync<bool>("() => window.kpSamePage === true"), $"The facet reloaded the page instead of updating it in place: {log}");

            // The keyboard picks a suggestion: down arrow marks the first option, Enter opens it.
            await box.FocusAsync();
            await box.PressAsync("End");
            await box.PressAsync("Backspace"); // one keystroke, one suggestion request: "Helderma"
            await page.WaitForSelectorAsync($"#{listId} [role=option]", new() { Timeout = Timeout });
            await page.WaitForFunctionAsync($"() => document.getElementById('kp-search-q').getAttribute('aria-expanded') === 'true'", null, new() { Timeout = Timeout });
            await box.PressAsync("ArrowDown");
            var activeId = await box.GetAttributeAsync("aria-activedescendant");
            Assert.Equal("true", await page.Locator($"#{activeId}").GetAttributeAsync("aria-selected"));
            var target = await page.Locator($"#{activeId}").GetAttributeAsync("data-url");
            await box.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(target!)), new() { Timeout = Timeout });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    // An in-place update changes the address with history.pushState. Playwright's WaitForURL missed
    // that change in CI runs (the page's address already had it when the wait timed out): its
    // check-then-subscribe races the event (playwright-dotnet #3364, #3365). So ask the page itself;
    // real navigations are checked with Expect(page).ToHaveURLAsync, which polls.
    private static async Task WaitForAddressAsync(IPage page, string part) =>
        await page.WaitForFunctionAsync("part => location.href.includes(part)", part, new() { Timeout = Timeout });

    [Fact]
    public async Task Header_search_box_suggests_on_every_page()
    {
        var page = await chromium.NewPageAsync(site.BaseAddress, 1280);
        try
        {
            await page.GotoAsync("/");
            var box = page.Locator("#kp-site-search");
            await box.PressSequentiallyAsync("transforma", new() { Delay = 40 });
            var listId = await box.GetAttributeAsync("aria-controls");
            await page.WaitForSelectorAsync($"#{listId} [role=option]", new() { Timeout = Timeout });
            var options = await page.Locator($"#{listId} [role=option]").AllTextContentsAsync();
            Assert.Contains(options, o => o.Contains("Thema", StringComparison.Ordinal));
            await box.PressAsync("Escape");
            Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
