using System.Net;
using System.Xml.Linq;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Site;

/// <summary>/sitemap.xml and /robots.txt on the demo site, on each provider.</summary>
public abstract class SitemapTests(PlatformFixture fixture)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly PlatformFactory app = fixture.Factory;
    private readonly HttpClient client = fixture.Factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sitemap_lists_exactly_home_and_the_published_pages_with_the_people_and_terms_they_name()
    {
        // Eventually: a sitemap cached before another test's publish is evicted about a second later.
        await Eventually.AssertAsync(SitemapMatchesDatabaseAsync);
    }

    private async Task SitemapMatchesDatabaseAsync()
    {
        var expected = new List<string> { "/", "/agenda", "/verslagen", "/dossiers", "/themas", "/regios", "/nieuwsbrief" };
        await app.InScopeAsync(async sp =>
        {
            // Worked out here the plain way, independently of the endpoint's queries.
            var db = PlatformFactory.Db(sp);
            var published = await db.ContentItems.Where(i => i.Status == ContentStatus.Published).ToListAsync(Ct);
            expected.AddRange(published.Select(i => Web.Site.ContentUrls.For(i.Type, i.LiveSlug!)));
            var keys = published.Select(i => i.Key).ToHashSet();
            var refs = (await db.ContentReferences.ToListAsync(Ct)).Where(r => keys.Contains(r.SourceKey)).ToList();
            var people = await db.People.ToListAsync(Ct);
            expected.AddRange(people.Where(p => refs.Any(r => r.TargetKey == p.Key && r.Kind is ReferenceKind.Speaker or ReferenceKind.Author or ReferenceKind.Facilitator))
                .Select(p => $"/sprekers/{p.Slug}"));
            var vocabularies = await db.Vocabularies.Include(v => v.Terms).ToListAsync(Ct);
            expected.AddRange(vocabularies.Where(v => v.Alias is "thema" or "regio")
                .SelectMany(v => v.Terms.Where(t => refs.Any(r => r.TargetKey == t.Key)).Select(t => $"/{(v.Alias == "thema" ? "themas" : "regios")}/{t.Slug}")));
        });

        var locations = await LocationsAsync();

        Assert.Equal(expected.Select(p => "http://localhost:5000" + p).Order(StringComparer.Ordinal), locations.Order(StringComparer.Ordinal));
        Assert.Contains("http://localhost:5000/nieuwsbrief/nieuwsbrief-mei-2017", locations);
        Assert.Contains("http://localhost:5000/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken", locations);
        Assert.Contains("http://localhost:5000/sprekers/jan-kees-helderman", locations);
        Assert.Contains("http://localhost:5000/themas/jeugd", locations);
    }

    [Fact]
    public async Task Every_content_page_in_the_sitemap_answers()
    {
        foreach (var location in await LocationsAsync())
        {
            var response = await client.GetAsync(new Uri(location).PathAndQuery, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{location}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Publishing_adds_a_page_and_unpublishing_removes_it()
    {
        var article = TestContent.Article();
        var url = $"http://localhost:5000/artikelen/{article.Slug}";
        var draft = await app.SaveAsync(article);
        Assert.DoesNotContain(url, await LocationsAsync());

        var key = await app.PublishAsync(article, draft.Key);
        await Eventually.AssertAsync(async () => Assert.Contains(url, await LocationsAsync()));

        await app.UnpublishAsync(key);
        await Eventually.AssertAsync(async () => Assert.DoesNotContain(url, await LocationsAsync()));
    }

    [Fact]
    public async Task Robots_txt_allows_all_but_the_back_office_and_api_and_points_to_the_sitemap()
    {
        var response = await client.GetAsync("/robots.txt", Ct);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n');
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /beheer", lines);
        Assert.Contains("Disallow: /api", lines);
        Assert.Contains("Sitemap: http://localhost:5000/sitemap.xml", lines);
    }

    private async Task<List<string>> LocationsAsync()
    {
        var response = await client.GetAsync("/sitemap.xml", Ct);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(Sitemap + "urlset", xml.Root!.Name);
        return [.. xml.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value)];
    }
}

public sealed class SitemapTests_Sqlite(SqliteDemoFixture fixture) : SitemapTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class SitemapTests_Postgres(PostgresDemoFixture fixture) : SitemapTests(fixture), IClassFixture<PostgresDemoFixture>;
