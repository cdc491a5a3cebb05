using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace KnowledgePlatform.Tests.Site;

/// <summary>A public page parsed as a browser would, with the questions the reader-page tests ask of it.</summary>
public sealed partial class HtmlPage(IHtmlDocument document)
{
    public IHtmlDocument Document => document;

    public static async Task<HtmlPage> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new HtmlPage(new HtmlParser().ParseDocument(html));
    }

    public List<string> Texts(string selector) => [.. document.QuerySelectorAll(selector).Select(e => Normalise(e.TextContent))];

    public List<string> Hrefs(string selector) => [.. document.QuerySelectorAll(selector).Select(e => e.GetAttribute("href") ?? "")];

    /// <summary>The card titles in the agenda's results, in order.</summary>
    public List<string> AgendaTitles => Texts("section[aria-labelledby='resultaten'] .kp-card__title");

    /// <summary>Every card title on the page, in order.</summary>
    public List<string> CardTitles => Texts(".kp-card__title");

    /// <summary>A filter option as shown: its count and whether it is ticked; null when not shown.</summary>
    public (int Count, bool Checked)? Option(string facet, string value)
    {
        var input = document.QuerySelectorAll<IHtmlInputElement>($"input[type='checkbox'][name='{facet}']").FirstOrDefault(i => i.Value == value);
        if (input is null)
        {
            return null;
        }

        var label = document.QuerySelector($"label[for='{input.Id}']") ?? throw new InvalidOperationException($"No label for {input.Id}.");
        var count = CountPattern().Match(label.TextContent);
        Assert.True(count.Success, $"The label '{label.TextContent}' shows no count.");
        return (int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), input.HasAttribute("checked"));
    }

    /// <summary>
    /// What every reader page has: a title, a description, one h1, no skipped heading levels,
    /// breadcrumbs (not on the home page), a main landmark, unique ids and alt text on images.
    /// </summary>
    public void AssertWellFormed(bool breadcrumbs = true)
    {
        Assert.False(string.IsNullOrWhiteSpace(document.Title), "the page has no title");
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name='description']")?.GetAttribute("content")), "no description");
        Assert.Single(document.QuerySelectorAll("h1"));
        var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading level skips from h{levels[i - 1]} to h{levels[i]}");
        }

        Assert.True(!breadcrumbs || document.QuerySelector("nav[aria-label='Kruimelpad'] [aria-current='page']") is not null, "no breadcrumbs");
        Assert.Single(document.QuerySelectorAll("main"));
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.All(document.QuerySelectorAll("img"), img => Assert.NotNull(img.GetAttribute("alt")));
    }

    private static string Normalise(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\((\d+)\)\s*$")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
