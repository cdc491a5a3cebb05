using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Web.Corpus;

/// <summary>
/// Fills the database with a deterministic, realistic corpus for benchmarks: content in the
/// proportions of a busy kennisplatform (many articles and events, fewer reports, few dossiers),
/// with speakers, organisations, themes and regions. Written in bulk, already published.
/// </summary>
public static class GenerateCorpus
{
    public sealed record Command(int Count, string WordListPath, int Seed = 42);

    public sealed class Handler(IServiceScopeFactory scopes, TimeProvider clock)
    {
        private const int BatchSize = 500;

        public async Task<int> HandleAsync(Command command, IProgress<int>? progress, CancellationToken ct)
        {
            var words = await File.ReadAllLinesAsync(command.WordListPath, ct);
            var text = new DutchText([.. words.Where(w => w.Length > 2)], new Random(command.Seed));
            var now = clock.GetUtcNow().UtcDateTime;
            var supporting = CorpusSupport.Create(text, command.Count);
            await SaveAsync(db =>
            {
                db.Vocabularies.AddRange(supporting.Vocabularies);
                db.Organisations.AddRange(supporting.Organisations.Items);
                db.People.AddRange(supporting.People.Items);
            }, ct);

            var written = 0;
            var earlier = new List<(Guid Key, ContentType Type)>();
            while (written < command.Count)
            {
                var batch = Enumerable.Range(written, Math.Min(BatchSize, command.Count - written))
                    .Select(i => CorpusItems.Create(text, supporting, i, earlier, now)).ToList();
                await SaveAsync(db =>
                {
                    foreach (var (item, version, references) in batch)
                    {
                        db.ContentItems.Add(item);
                        db.ContentVersions.Add(version);
                        db.ContentReferences.AddRange(references);
                    }
                }, ct);
                earlier.AddRange(batch.Select(b => (b.Item.Key, b.Item.Type)));
                written += batch.Count;
                progress?.Report(written);
            }

            return written;
        }

        private async Task SaveAsync(Action<KnowledgeDbContext> add, CancellationToken ct)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            add(db);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Marks the slug of generated items, so a benchmark can find them and they never clash with real ones.</summary>
    public static string Slug(string title, int index) => $"{Slugs.From(title)[..Math.Min(60, Slugs.From(title).Length)].TrimEnd('-')}-g{index}";
}
