using System.Collections.Concurrent;
using AngleSharp.Html.Parser;

namespace KnowledgePlatform.Tests.Quality;

/// <summary>A URL that answered 4xx or 5xx, with the pages that link to it (none for a start URL).</summary>
public sealed record BrokenLink(Uri Url, int Status, IReadOnlyList<Uri> LinkedFrom);

public sealed record CrawlResult(IReadOnlyDictionary<Uri, int> Visited, IReadOnlyList<BrokenLink> Broken);

/// <summary>
/// Follows every same-origin link breadth-first with plain HTTP (no browser: a crawl of the whole
/// site takes seconds). Links are a[href], link[href], img[src] and script[src]; redirects are
/// followed as links from the redirecting URL. Fragments are dropped, query strings kept.
/// </summary>
public sealed class SiteCrawler(HttpClient client, int maxUrls = 5000)
{
    private static readonly string[] LinkSelectors = ["a[href]", "link[href]", "img[src]", "script[src]"];

    private readonly ConcurrentDictionary<Uri, int> visited = new();
    private readonly ConcurrentDictionary<Uri, ConcurrentBag<Uri>> linkedFrom = new();

    public async Task<CrawlResult> CrawlAsync(IEnumerable<string> startPaths, CancellationToken ct)
    {
        var origin = client.BaseAddress ?? throw new InvalidOperationException("The client needs a BaseAddress.");
        var level = startPaths.Select(path => new Uri(origin, path)).Distinct().ToList();
        while (level.Count > 0)
        {
            if (visited.Count + level.Count > maxUrls)
            {
                throw new InvalidOperationException($"The crawl passed {maxUrls} URLs; a link loop (endless paging?) is likely.");
            }

            foreach (var url in level)
            {
                visited[url] = 0;
            }

            var found = new ConcurrentBag<Uri>();
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (url, token) =>
            {
                foreach (var link in await VisitAsync(url, token))
                {
                    // A link to the page itself (the skip link "#main") adds nothing to check.
                    if (link != url && link.GetLeftPart(UriPartial.Authority) == origin.GetLeftPart(UriPartial.Authority))
                    {
                        linkedFrom.GetOrAdd(link, _ => []).Add(url);
                        found.Add(link);
                    }
                }
            });
            level = found.Distinct().Where(url => !visited.ContainsKey(url)).ToList();
        }

        var broken = visited.Where(v => v.Value >= 400)
            .OrderBy(v => v.Key.PathAndQuery, StringComparer.Ordinal)
            .Select(v => new BrokenLink(v.Key, v.Value, linkedFrom.TryGetValue(v.Key, out var from)
                ? from.Distinct().OrderBy(u => u.PathAndQuery, StringComparer.Ordinal).ToList()
                : []))
            .ToList();
        return new CrawlResult(visited, broken);
    }

    /// <summary>Fetches one URL, records its status and returns the absolute links it holds.</summary>
    private async Task<IEnumerable<Uri>> VisitAsync(Uri url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, ct);
        visited[url] = (int)response.StatusCode;
        if (response.Headers.Location is { } location)
        {
            return [WithoutFragment(new Uri(url, location))];
        }

        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return [];
        }

        // The links of error pages count too: a 404 page's links must work as well.
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(ct), ct);
        return document.QuerySelectorAll(string.Join(", ", LinkSelectors))
            .Select(element => element.GetAttribute("href") ?? element.GetAttribute("src"))
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value => Uri.TryCreate(url, value!.Trim(), out var link) ? link : null)
            .OfType<Uri>()
            .Where(link => link.Scheme is "http" or "https")
            .Select(WithoutFragment);
    }

    private static Uri WithoutFragment(Uri url) => new(url.GetLeftPart(UriPartial.Query));
}
