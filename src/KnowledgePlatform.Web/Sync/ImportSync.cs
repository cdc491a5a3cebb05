using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Sync;

/// <summary>
/// Applies a uSync folder in one transaction: everything or nothing. Items that already match are
/// left alone, so a second import changes nothing; a renamed slug is an update of the same key
/// (and publishing it leaves a redirect from the old URL).
/// </summary>
public static class ImportSync
{
    public const string Editor = "uSync";

    public sealed class Handler(
        KnowledgeDbContext db,
        PlanSync.Handler planner,
        SaveDraft.Handler saveDraft,
        PublishContent.Handler publish,
        UnpublishContent.Handler unpublish,
        DeleteContent.Handler delete,
        SyncMedia media)
    {
        public async Task<SyncPlan> HandleAsync(string root, CancellationToken ct)
        {
            var (snapshot, plan) = await planner.HandleAsync(root, ct);
            if (!plan.Changes.Any() && !plan.SettingsChanged)
            {
                return plan;
            }

            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                try
                {
                    await ApplyAsync(root, snapshot, plan, ct);
                    await tx.CommitAsync(ct);
                }
                catch (DbUpdateException ex)
                {
                    media.RolledBack();
                    // A file that clashes with a row the files don't know (e.g. a second "thema" vocabulary).
                    throw new SyncFailedException([new SyncProblem(root,
                        $"botst met wat al in de database staat: {ex.GetBaseException().Message}")]);
                }
                catch
                {
                    media.RolledBack();
                    throw;
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            });
            media.Committed();
            return plan;
        }

        private async Task ApplyAsync(string root, SyncSnapshot snapshot, SyncPlan plan, CancellationToken ct)
        {
            var changed = plan.Changes.Select(e => e.Key).ToHashSet();
            var apply = new SyncApplier(db);
            foreach (var (_, file) in snapshot.Vocabularies.Where(v => changed.Contains(v.File.Key)))
            {
                await apply.VocabularyAsync(file, ct);
            }

            foreach (var (_, file) in snapshot.Organisations.Where(o => changed.Contains(o.File.Key)))
            {
                await apply.OrganisationAsync(file, ct);
            }

            foreach (var (_, file) in snapshot.People.Where(p => changed.Contains(p.File.Key)))
            {
                await apply.PersonAsync(file, ct);
            }

            var problems = new List<SyncProblem>();
            foreach (var (path, file) in snapshot.Media.Where(m => changed.Contains(m.File.Key)))
            {
                await CollectAsync(path, problems, () => media.ApplyAsync(root, file, ct));
            }

            foreach (var (path, file) in snapshot.Content.Where(c => changed.Contains(c.File.Key)).OrderBy(c => DependencyRank(c.File.Content.Type)))
            {
                try
                {
                    await ApplyContentAsync(file, ct);
                }
                catch (ValidationFailedException ex)
                {
                    problems.AddRange(ex.Errors.Select(e => new SyncProblem(path, $"{e.Key}: {string.Join(" ", e.Value)}")));
                }
            }

            if (problems.Count > 0)
            {
                throw new SyncFailedException(problems);
            }

            // Media last: a document may only go once the content that used it has gone.
            foreach (var t in snapshot.Deleted.Where(d => changed.Contains(d.Key)).OrderBy(d => d.Folder == SyncFolders.Media))
            {
                if (t.Folder == SyncFolders.Content)
                {
                    await delete.HandleAsync(new DeleteContent.Command(t.Key, Editor), ct);
                }
                else if (t.Folder == SyncFolders.Media)
                {
                    await CollectAsync(t.Path, problems, () => media.DeleteAsync(t.Key, ct));
                }
                else
                {
                    await apply.DeleteAsync(t.Folder, t.Key, ct);
                }
            }

            if (problems.Count > 0)
            {
                throw new SyncFailedException(problems);
            }

            if (plan.SettingsChanged && snapshot.Settings is { } settings)
            {
                await SiteSettings.WriteAsync(db, settings, ct);
            }
        }

        private static async Task CollectAsync(string path, List<SyncProblem> problems, Func<Task> work)
        {
            try
            {
                await work();
            }
            catch (ValidationFailedException ex)
            {
                problems.AddRange(ex.Errors.Select(e => new SyncProblem(path, string.Join(" ", e.Value))));
            }
        }

        private async Task ApplyContentAsync(ContentFile file, CancellationToken ct)
        {
            var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == file.Key, ct);
            var bodyChanged = true;
            if (item is not null)
            {
                var number = SyncMapping.VersionToExport(item);
                var json = await db.ContentVersions.Where(v => v.ContentKey == item.Key && v.Number == number).Select(v => v.Body).SingleAsync(ct);
                bodyChanged = json != ContentJson.Serialize(file.Content);
            }

            if (bodyChanged)
            {
                await saveDraft.HandleAsync(new SaveDraft.Command(file.Key, file.Content, Editor, "Geïmporteerd uit uSync"), ct);
            }

            switch (file.Status)
            {
                case ContentStatus.Published:
                    await publish.HandleAsync(new PublishContent.Command(file.Key, Editor, FirstPublishedUtc: file.PublishedAt?.UtcDateTime), ct);
                    break;
                case ContentStatus.Unpublished or ContentStatus.Archived:
                    if (file.PublishedAt is { } published && item?.PublishedUtc != published.UtcDateTime)
                    {
                        // It was live once: publish (keeping the date) before taking it offline, in this same transaction.
                        await publish.HandleAsync(new PublishContent.Command(file.Key, Editor, FirstPublishedUtc: published.UtcDateTime), ct);
                    }

                    await unpublish.HandleAsync(new UnpublishContent.Command(file.Key, Editor, file.Status), ct);
                    break;
                case ContentStatus.Draft when item is { Status: not ContentStatus.Draft }:
                    // An item cannot become "never published" again; offline is the nearest state.
                    await unpublish.HandleAsync(new UnpublishContent.Command(file.Key, Editor), ct);
                    break;
            }
        }

        private static int DependencyRank(ContentType type) => type switch
        {
            ContentType.Event or ContentType.Workshop or ContentType.DossierArticle => 0,
            ContentType.MeetingReport => 1,
            ContentType.Dossier => 2,
            _ => 3,
        };
    }
}
