using System.Runtime.CompilerServices;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// Rebuilds the whole index from published content and the people it names. The engine builds the
/// new index beside the live one and swaps it in, so searches keep answering meanwhile. A publish
/// during the build is indexed into the live tables, which the swap replaces: so every content key
/// the outbox mentioned since the rebuild began is indexed again right after the swap.
/// </summary>
public static class RebuildSearchIndex
{
    private const int BatchSize = 500;

    public sealed class Handler(KnowledgeDbContext db, ISearchEngine engine, SearchIndexer indexer, IServiceScopeFactory scopes)
    {
        public async Task<int> HandleAsync(IProgress<int>? progress, CancellationToken ct)
        {
            var mark = await db.Outbox.MaxAsync(m => (long?)m.Id, ct) ?? 0;
            var count = await engine.ReplaceAllAsync(DocumentsAsync(ct), progress, ct);
            var since = await db.Outbox.AsNoTracking().Where(m => m.Id > mark && m.ContentKey != null).OrderBy(m => m.Id).ToListAsync(ct);
            foreach (var message in since)
            {
                await indexer.HandleAsync(message, ct);
            }

            return count;
        }

        /// <summary>Read through a context of its own: the engine writes on this one while the next batches load.</summary>
        private async IAsyncEnumerable<SearchDocument> DocumentsAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
            var loader = scope.ServiceProvider.GetRequiredService<SearchDocumentLoader>();
            var contentKeys = await db.ContentItems.AsNoTracking().Where(i => i.Status == ContentStatus.Published)
                .OrderBy(i => i.Key).Select(i => i.Key).ToListAsync(ct);
            foreach (var batch in contentKeys.Chunk(BatchSize))
            {
                foreach (var document in await loader.ContentAsync(batch, ct))
                {
                    yield return document;
                }
            }

            var personKeys = await db.People.AsNoTracking().OrderBy(p => p.Key).Select(p => p.Key).ToListAsync(ct);
            foreach (var batch in personKeys.Chunk(BatchSize))
            {
                foreach (var document in (await loader.PeopleAsync(batch, ct)).Documents)
                {
                    yield return document;
                }
            }
        }
    }
}
