using System.Globalization;
using System.Text;
using System.Xml;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Site.Metadata;

/// <summary>/sitemap.xml (exactly the public pages that exist) and /robots.txt for crawlers.</summary>
public static class SitemapEndpoints
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The sitemap protocol's limit for one file; beyond it a sitemap index is needed.</summary>
    public const int MaxUrls = 50_000;

    /// <summary>
    /// Pages that are not content items. Only those that exist: a listing page (/agenda,
    /// /verslagen, …) joins this list in the same change that adds it.
    /// </summary>
    public static readonly string[] SectionPaths = ["/", "/agenda", "/verslagen", "/dossiers", "/themas", "/regios", "/nieuwsbrief"];

    private static readonly ReferenceKind[] PersonKinds = [ReferenceKind.Speaker, ReferenceKind.Author, ReferenceKind.Facilitator];

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(SiteSetup.PublicCachePolicy);
        endpoints.MapGet("/robots.txt", (IOptions<SiteOptions> site) => Results.Text(
            $"""
            User-agent: *
            Allow: /
            Disallow: /beheer
            Disallow: /api

            Sitemap: {site.Value.Absolute("/sitemap.xml").AbsoluteUri}

            """.ReplaceLineEndings("\n"), "text/plain; charset=utf-8"));
        return endpoints;
    }

    /// <summary>The public URLs, each with the date its page last changed where that is known.</summary>
    public static async Task<List<(string Path, DateTime? LastModifiedUtc)>> UrlsAsync(KnowledgeDbContext db, CancellationToken ct)
    {
        var published = db.Published().Where(i => PublishedItems.PageTypes.Contains(i.Type));
        var items = await published.OrderBy(i => i.Key).Take(MaxUrls).EntriesAsync(db, ct);

        // Speaker and term pages show published content; one with none would be empty, so only
        // people and terms that published pages refer to are listed.
        var referenced = db.ContentReferences.Where(r => published.Any(i => i.Key == r.SourceKey));
        var people = await db.People.AsNoTracking()
            .Where(p => referenced.Any(r => r.TargetKey == p.Key && PersonKinds.Contains(r.Kind)))
            .OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(ct);
        var terms = await db.Terms.AsNoTracking()
            .Where(t => referenced.Any(r => r.TargetKey == t.Key && r.Kind == ReferenceKind.Term))
            .Join(db.Vocabularies.Where(v => v.Alias == Vocabulary.ThemeAlias || v.Alias == Vocabulary.RegionAlias),
                t => t.VocabularyKey, v => v.Key, (t, v) => new { v.Alias, t.Slug })
            .OrderBy(t => t.Alias).ThenBy(t => t.Slug).ToListAsync(ct);

        return [
            .. SectionPaths.Select(p => (p, (DateTime?)null)),
            .. items.OrderBy(i => i.Url, StringComparer.Ordinal).Select(i => (i.Url, (DateTime?)i.UpdatedUtc)),
            .. people.Select(slug => (ContentUrls.Person(slug), (DateTime?)null)),
            .. terms.Select(t => (ContentUrls.Term(t.Alias, t.Slug), (DateTime?)null)),
        ];
    }

    private static async Task<IResult> SitemapAsync(KnowledgeDbContext db, IOptions<SiteOptions> site, CancellationToken ct)
    {
        var urls = await UrlsAsync(db, ct);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var (path, lastModified) in urls.Take(MaxUrls))
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", site.Value.Absolute(path).AbsoluteUri);
                if (lastModified is { } utc)
                {
                    xml.WriteElementString("lastmod", DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }
}
