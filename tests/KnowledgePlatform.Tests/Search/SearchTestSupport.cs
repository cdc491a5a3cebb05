using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Search;

/// <summary>Publishing and searching through the running app, as the contract tests need it.</summary>
public sealed class SearchTestSupport(PlatformFactory app)
{
    private static readonly char[] Consonants = "bcdfghjklmnpqrstvwxz".ToCharArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A word no other document contains, so each test sees only its own documents in a shared
    /// index. Consonants only: the stemmer leaves such a word alone.
    /// </summary>
    public static string Marker() => "zq" + new string(Random.Shared.GetItems(Consonants, 8));

    public async Task<Guid> PublishAsync(ContentBody body)
    {
        var saved = await app.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(null, body, "test"), Ct));
        await app.InScopeAsync(sp => sp.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(saved.Key, "test"), Ct));
        return saved.Key;
    }

    /// <summary>Publishes and waits until the outbox has indexed the item (the marker finds it).</summary>
    public async Task<Guid> PublishIndexedAsync(string marker, ContentBody body)
    {
        var key = await PublishAsync(body);
        await Eventually.AssertAsync(async () => Assert.Contains((await SearchAsync(marker, pageSize: 100)).Hits, h => h.Key == key));
        return key;
    }

    public Task UnpublishAsync(Guid key) =>
        app.InScopeAsync(sp => sp.GetRequiredService<UnpublishContent.Handler>().HandleAsync(new UnpublishContent.Command(key, "test"), Ct));

    public Task DeleteAsync(Guid key) =>
        app.InScopeAsync(sp => sp.GetRequiredService<DeleteContent.Handler>().HandleAsync(new DeleteContent.Command(key, "test"), Ct));

    public Task<SearchResult> SearchAsync(string? text, Dictionary<string, IReadOnlyList<string>>? filters = null,
        SearchSort sort = SearchSort.Relevance, int page = 1, int pageSize = 10, DateTime? upcomingFromUtc = null) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ISearchEngine>()
            .SearchAsync(new SearchQuery(text, filters, sort, page, pageSize, UpcomingFromUtc: upcomingFromUtc), Ct));

    public Task<Guid> TermAsync(string vocabulary, string slug) =>
        app.InScopeAsync(sp => PlatformFactory.Db(sp).Terms
            .Where(t => t.Slug == slug && PlatformFactory.Db(sp).Vocabularies.Any(v => v.Key == t.VocabularyKey && v.Alias == vocabulary))
            .Select(t => t.Key).SingleAsync(Ct));

    public Task<Guid> AddPersonAsync(string name) => app.InScopeAsync(async sp =>
    {
        var db = PlatformFactory.Db(sp);
        var person = new Person { Key = Guid.NewGuid(), Slug = TestContent.UniqueSlug("persoon"), Name = name };
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        return person.Key;
    });

    public static DossierArticleContent Article(string title, string body, IReadOnlyList<Guid>? terms = null) =>
        TestContent.Article(title: title) with { Lead = null, Summary = null, Body = body, Terms = terms ?? [] };
}
