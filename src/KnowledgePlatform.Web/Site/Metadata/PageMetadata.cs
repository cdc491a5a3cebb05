using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site.Feeds;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace KnowledgePlatform.Web.Site.Metadata;

/// <summary>An Atom feed announced in the head, for feed readers' autodiscovery.</summary>
public sealed record FeedLink(string Title, string Href);

/// <summary>
/// Everything the layout's head says about a page to machines: canonical URL, Open Graph and
/// Twitter card, feeds, schema.org JSON-LD. Built from ViewData: "Title", "Description",
/// "SiteName", optionally "Canonical" (a path, e.g. a listing page keeping its ?pagina=) and
/// "Feeds" (more <see cref="FeedLink"/>s), and on detail pages a <see cref="ContentMetadataSource"/>.
/// </summary>
public sealed record PageMetadata(
    string Title,
    string SiteName,
    string? Description,
    Uri? Canonical,
    string OpenGraphType,
    string? PublishedTime,
    IReadOnlyList<FeedLink> Feeds,
    string? StructuredData)
{
    public const string CanonicalKey = "Canonical";
    public const string FeedsKey = "Feeds";

    /// <summary>Every page announces the two site-wide feeds.</summary>
    public static readonly FeedLink[] SiteFeeds =
    [
        new("Verslagen en artikelen", FeedEndpoints.ReportsPath),
        new("Agenda", FeedEndpoints.AgendaPath),
    ];

    public static PageMetadata For(ViewDataDictionary viewData, HttpContext http, SiteOptions site, string siteName)
    {
        var source = viewData[ContentMetadataSource.ViewDataKey] as ContentMetadataSource;
        var description = viewData["Description"] as string is { Length: > 0 } d ? d : Fallback(source?.Body);
        // The home page's title is "Home"; shared, it should carry the site's name.
        var title = http.Request.Path == "/" || viewData["Title"] is not string { Length: > 0 } t ? siteName : t;
        var feeds = SiteFeeds.Concat(viewData[FeedsKey] as IEnumerable<FeedLink> ?? []).ToList();
        var structured = source?.Body switch
        {
            EventContent e => EventStructuredData.Build(source, e, site, siteName),
            MeetingReportContent r => ArticleStructuredData.Build(source, r.Authors, description, site, siteName),
            DossierArticleContent a => ArticleStructuredData.Build(source, a.Authors, description, site, siteName),
            _ => null,
        };
        var isArticle = source?.Body is MeetingReportContent or DossierArticleContent;
        return new PageMetadata(
            title,
            siteName,
            description,
            CanonicalFor(viewData, http, site, source),
            isArticle ? "article" : "website",
            isArticle && source!.Item.PublishedUtc is { } published
                ? JsonLd.Instant(new DateTimeOffset(DateTime.SpecifyKind(published, DateTimeKind.Utc))).GetValue<string>()
                : null,
            feeds,
            structured is null ? null : JsonLd.ForScript(structured));
    }

    /// <summary>
    /// The one address of this page: the item's own URL on detail pages, else the path without
    /// query string (search terms and tracking parameters are not other pages). None for error
    /// pages: a 404 has no canonical address.
    /// </summary>
    private static Uri? CanonicalFor(ViewDataDictionary viewData, HttpContext http, SiteOptions site, ContentMetadataSource? source)
    {
        if (http.Response.StatusCode != StatusCodes.Status200OK)
        {
            return null;
        }

        var path = viewData[CanonicalKey] as string ?? source?.Path ?? http.Request.Path.ToUriComponent();
        return site.Absolute(path);
    }

    /// <summary>An article's lead, or the start of the body, when the editor wrote no summary.</summary>
    private static string? Fallback(ContentBody? body)
    {
        var text = body switch
        {
            DossierArticleContent { Lead: { Length: > 0 } lead } => lead,
            EventContent e => RichText.ToPlainText(e.Body),
            MeetingReportContent r => RichText.ToPlainText(r.Body),
            DossierArticleContent a => RichText.ToPlainText(a.Body),
            DossierContent d => RichText.ToPlainText(d.Intro),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 200 ? text : string.Concat(text.AsSpan(0, Math.Max(text.LastIndexOf(' ', 199), 100)), "…");
    }
}
