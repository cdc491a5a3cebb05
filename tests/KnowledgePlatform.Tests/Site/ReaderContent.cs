using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Site;

/// <summary>
/// Content for the reader-page tests, made through the same handlers editors use. Terms and people
/// get unique slugs, so tests sharing a database (one per test class) can count only their own items.
/// </summary>
public sealed class ReaderContent(PlatformFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateTimeOffset At(int year, int month, int day, int hour = 14) =>
        new(year, month, day, hour, 0, 0, TimeSpan.FromHours(1));

    /// <summary>A new term in the "thema" or "regio" vocabulary (created when missing).</summary>
    public Task<Term> TermAsync(string alias, string name) => app.InScopeAsync(async sp =>
    {
        var db = PlatformFactory.Db(sp);
        var vocabulary = await db.Vocabularies.FirstOrDefaultAsync(v => v.Alias == alias, Ct);
        if (vocabulary is null)
        {
            vocabulary = new Vocabulary { Key = Guid.NewGuid(), Alias = alias, Name = alias == Vocabulary.ThemeAlias ? "Thema" : "Regio" };
            db.Vocabularies.Add(vocabulary);
        }

        var term = new Term { Key = Guid.NewGuid(), VocabularyKey = vocabulary.Key, Slug = TestContent.UniqueSlug(Slugs.From(name)), Name = name };
        db.Terms.Add(term);
        await db.SaveChangesAsync(Ct);
        return term;
    });

    public Task<Person> PersonAsync(string name, string? honorific = null, string? role = null, string? bio = null, string? photoUrl = null) =>
        app.InScopeAsync(async sp =>
        {
            var db = PlatformFactory.Db(sp);
            var person = new Person
            {
                Key = Guid.NewGuid(), Slug = TestContent.UniqueSlug(Slugs.From(name)), Name = name,
                Honorific = honorific, Role = role, Bio = bio, PhotoUrl = photoUrl,
            };
            db.People.Add(person);
            await db.SaveChangesAsync(Ct);
            return person;
        });

    public static EventContent Event(string title, DateTimeOffset start, params Term[] terms) =>
        TestContent.Event(title: title, start: start) with { Terms = [.. terms.Select(t => t.Key)], Summary = $"Over {title}." };

    public static WorkshopContent Workshop(string title, DateTimeOffset start, params Term[] terms)
    {
        var e = Event(title, start, terms);
        return new WorkshopContent
        {
            Title = e.Title, Slug = TestContent.UniqueSlug("werkbijeenkomst"), Summary = e.Summary, Terms = e.Terms,
            Start = e.Start, End = e.End, Venue = e.Venue, MaxParticipants = 20,
        };
    }

    /// <summary>Saves and publishes; returns the key.</summary>
    public async Task<Guid> PublishAsync(ContentBody body)
    {
        var key = await SaveAsync(body);
        await app.InScopeAsync(sp => sp.GetRequiredService<PublishContent.Handler>().HandleAsync(new PublishContent.Command(key, "test"), Ct));
        return key;
    }

    /// <summary>Saves a draft only: never visible to readers.</summary>
    public async Task<Guid> SaveAsync(ContentBody body) =>
        (await app.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(null, body, "redacteur@example.org"), Ct))).Key;

    public Task TakeOfflineAsync(Guid key, ContentStatus status = ContentStatus.Unpublished) =>
        app.InScopeAsync(sp => sp.GetRequiredService<UnpublishContent.Handler>().HandleAsync(new UnpublishContent.Command(key, "test", status), Ct));
}
