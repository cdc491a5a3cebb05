using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Site;

/// <summary>Related content: published items sharing the most terms and people come first.</summary>
public abstract class RelatedContentTests(PlatformFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Items_sharing_more_terms_and_people_rank_first_and_drafts_never_show()
    {
        var app = fixture.Factory;
        var (terms, speaker) = await app.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            var vocabulary = await db.Vocabularies.Include(v => v.Terms).SingleAsync(v => v.Alias == Vocabulary.ThemeAlias, Ct);
            return (vocabulary.Terms.OrderBy(t => t.SortOrder).Take(3).Select(t => t.Key).ToList(), await db.People.Select(p => p.Key).FirstAsync(Ct));
        });

        var subject = await Publish(TestContent.Article(title: "Onderwerp") with { Terms = terms, Authors = [speaker] });
        var close = await Publish(TestContent.Article(title: "Sterk verwant") with { Terms = terms, Authors = [speaker] });
        var loose = await Publish(TestContent.Article(title: "Los verwant") with { Terms = [terms[0]] });
        await app.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(
            new SaveDraft.Command(null, TestContent.Article(title: "Concept verwant") with { Terms = terms, Authors = [speaker] }, "test"), Ct));

        var related = await app.InScopeAsync(sp => sp.GetRequiredService<ContentReader>().RelatedAsync(subject, 50, Ct));

        var keys = related.Select(c => c.Key).ToList();
        Assert.True(keys.IndexOf(close) >= 0 && keys.IndexOf(close) < keys.IndexOf(loose), string.Join(", ", related.Select(r => r.Title)));
        Assert.DoesNotContain(related, c => c.Title == "Concept verwant" || c.Key == subject);
    }

    private Task<Guid> Publish(ContentBody body) => fixture.Factory.InScopeAsync(async sp =>
    {
        var saved = await sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(null, body, "test"), Ct);
        await sp.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(saved.Key, "test"), Ct);
        return saved.Key;
    });
}

public sealed class RelatedContentTests_Sqlite(SqliteDemoFixture fixture) : RelatedContentTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class RelatedContentTests_Postgres(PostgresDemoFixture fixture) : RelatedContentTests(fixture), IClassFixture<PostgresDemoFixture>;
