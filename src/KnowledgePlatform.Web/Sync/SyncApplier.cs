using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Sync;

/// <summary>Writes the supporting entities (vocabularies, organisations, people) from their files.</summary>
internal sealed class SyncApplier(KnowledgeDbContext db)
{
    public async Task VocabularyAsync(VocabularyFile file, CancellationToken ct)
    {
        var vocabulary = await db.Vocabularies.Include(v => v.Terms).SingleOrDefaultAsync(v => v.Key == file.Key, ct);
        if (vocabulary is null)
        {
            vocabulary = new Vocabulary { Key = file.Key, Alias = file.Alias, Name = file.Name };
            db.Vocabularies.Add(vocabulary);
        }

        vocabulary.Alias = file.Alias;
        vocabulary.Name = file.Name;
        var wanted = file.Terms.Select(t => t.Key).ToHashSet();
        foreach (var gone in vocabulary.Terms.Where(t => !wanted.Contains(t.Key)).ToList())
        {
            vocabulary.Terms.Remove(gone);
            db.Terms.Remove(gone);
        }

        // Save removals first: a renamed term may take a slug a removed one had.
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < file.Terms.Count; i++)
        {
            var source = file.Terms[i];
            var term = vocabulary.Terms.Find(t => t.Key == source.Key);
            if (term is null)
            {
                term = new Term { Key = source.Key, VocabularyKey = vocabulary.Key, Slug = source.Slug, Name = source.Name };
                db.Terms.Add(term); // Explicitly Added: a discovered entity with a set key would be taken as existing.
            }

            term.Slug = source.Slug;
            term.Name = source.Name;
            term.SortOrder = i;
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task OrganisationAsync(OrganisationFile file, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Key == file.Key, ct);
        if (organisation is null)
        {
            organisation = new Organisation { Key = file.Key, Slug = file.Slug, Name = file.Name };
            db.Organisations.Add(organisation);
        }

        SyncMapping.Apply(file, organisation);
        await db.SaveChangesAsync(ct);
    }

    public async Task PersonAsync(PersonFile file, CancellationToken ct)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Key == file.Key, ct);
        if (person is null)
        {
            person = new Person { Key = file.Key, Slug = file.Slug, Name = file.Name };
            db.People.Add(person);
        }

        SyncMapping.Apply(file, person);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(string folder, Guid key, CancellationToken ct)
    {
        _ = folder switch
        {
            SyncFolders.Vocabularies => await DeleteVocabularyAsync(key, ct),
            SyncFolders.Organisations => await db.Organisations.Where(o => o.Key == key).ExecuteDeleteAsync(ct),
            SyncFolders.People => await db.People.Where(p => p.Key == key).ExecuteDeleteAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "Not a supporting-entity folder."),
        };
    }

    private async Task<int> DeleteVocabularyAsync(Guid key, CancellationToken ct)
    {
        await db.Terms.Where(t => t.VocabularyKey == key).ExecuteDeleteAsync(ct);
        return await db.Vocabularies.Where(v => v.Key == key).ExecuteDeleteAsync(ct);
    }
}
