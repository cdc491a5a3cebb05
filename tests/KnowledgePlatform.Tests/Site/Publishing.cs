using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Site;

/// <summary>An editor's steps, through the same handlers the back-office and sync use.</summary>
public static class Publishing
{
    private const string Editor = "redacteur@example.org";

    public static Task<SaveDraft.Result> SaveAsync(this PlatformFactory app, ContentBody body, Guid? key = null) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new SaveDraft.Command(key, body, Editor), CancellationToken.None));

    /// <summary>Saves and publishes; returns the item's key.</summary>
    public static async Task<Guid> PublishAsync(this PlatformFactory app, ContentBody body, Guid? key = null)
    {
        var saved = await app.SaveAsync(body, key);
        await app.InScopeAsync(sp => sp.GetRequiredService<PublishContent.Handler>()
            .HandleAsync(new PublishContent.Command(saved.Key, Editor), CancellationToken.None));
        return saved.Key;
    }

    public static Task UnpublishAsync(this PlatformFactory app, Guid key) =>
        app.InScopeAsync(sp => sp.GetRequiredService<UnpublishContent.Handler>()
            .HandleAsync(new UnpublishContent.Command(key, Editor), CancellationToken.None));

    /// <summary>The key of a demo term, e.g. ("thema", "jeugd").</summary>
    public static Task<Guid> TermAsync(this PlatformFactory app, string vocabularyAlias, string slug) =>
        app.InScopeAsync(sp =>
        {
            var db = PlatformFactory.Db(sp);
            return db.Terms.Where(t => t.Slug == slug && db.Vocabularies.Any(v => v.Key == t.VocabularyKey && v.Alias == vocabularyAlias))
                .Select(t => t.Key).SingleAsync();
        });
}
