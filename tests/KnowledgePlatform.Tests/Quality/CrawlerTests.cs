using System.Net;
using KnowledgePlatform.Tests.Infrastructure;

namespace KnowledgePlatform.Tests.Quality;

/// <summary>
/// No broken internal link and no server error anywhere a reader can click to on the demo site,
/// starting from the home page and every page kind (so pages not yet linked are crawled too).
/// Nothing is allowlisted: a link to a page that does not exist yet is a broken link.
/// </summary>
public sealed class CrawlerTests(DemoSiteOverHttp site) : IClassFixture<DemoSiteOverHttp>
{
    [Fact]
    public async Task Every_internal_link_answers_without_an_error()
    {
        var start = PublicPages.All.Where(page => page.Status == HttpStatusCode.OK).Select(page => page.Path).ToList();
        using var client = site.CreateClient();

        var result = await new SiteCrawler(client).CrawlAsync(start, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"Crawled {result.Visited.Count} URLs.");
        // Guards the harness: links were found and followed beyond the start pages (CSS, script, more pages).
        Assert.True(result.Visited.Count > start.Count + 2, $"Only {result.Visited.Count} URLs crawled: are links being found?");
        Assert.True(result.Broken.Count == 0,
            $"{result.Broken.Count} of {result.Visited.Count} internal URLs answered with an error:\n" + string.Join('\n', result.Broken.Select(Describe)));
    }

    private static string Describe(BrokenLink link)
    {
        const int shown = 5;
        var from = link.LinkedFrom.Count == 0 ? "a start page"
            : string.Join(", ", link.LinkedFrom.Take(shown).Select(u => u.PathAndQuery))
              + (link.LinkedFrom.Count > shown ? $" and {link.LinkedFrom.Count - shown} more" : "");
        return $"  {link.Status} {link.Url.PathAndQuery} — linked from {from}";
    }
}
