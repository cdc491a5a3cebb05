using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// Keeps the index in step with content, driven by the outbox row that publish, unpublish and
/// delete write in their own transaction: a crash before indexing is healed when the row is
/// handled again. Idempotent: it always indexes the item's current state, whatever the message.
/// </summary>
public sealed class SearchIndexer(ISearchEngine engine, SearchDocumentLoader loader) : IOutboxHandler
{
    private static readonly string[] Kinds = [PublishContent.OutboxKind, UnpublishContent.OutboxKind, DeleteContent.OutboxKind];

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.ContentKey is not { } key || !Kinds.Contains(message.Kind))
        {
            return;
        }

        var documents = (await loader.ContentAsync([key], ct)).ToList();
        if (documents.Count == 0)
        {
            await engine.RemoveAsync([key], ct);
        }

        // The people it names may have become (or stopped being) findable with it. A deleted item's
        // references are gone with it, so then every person no published item names is removed.
        var (people, gone) = message.Kind == DeleteContent.OutboxKind
            ? ([], await loader.PeopleNamedByNothingAsync(ct))
            : await loader.PeopleAsync(await loader.PeopleNamedByAsync(key, ct), ct);
        documents.AddRange(people);
        if (gone.Count > 0)
        {
            await engine.RemoveAsync(gone, ct);
        }

        if (documents.Count > 0)
        {
            await engine.IndexAsync(documents, ct);
        }
    }
}
