using System.Runtime.CompilerServices;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// Rebuilds the whole index from published content and the people it names. The engine swaps
/// in the new index in one transaction, so searches keep answering from the old one meanwhile.
/// </summary>
public static class RebuildSearchIndex
{
    private const int BatchSize = 200;

    public sealed class Handler(KnowledgeDbContext db, ISearchEngine engine, SearchDocumentLoader loader)
    {
        public Task<int> HandleAsync(IProgress<int>? progress, CancellationToken ct) => engine.ReplaceAllAsync(DocumentsAsync(ct), progress, ct);

        private async IAsyncEnumerable<SearchDocument> DocumentsAsync([EnumeratorCancellation] CancellationToken ct)
        {
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
