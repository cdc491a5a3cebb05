using KnowledgePlatform.Web.Api;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// Builds <see cref="SearchDocument"/>s from the live versions of published items and from the
/// people they name. Reads only published content, so nothing unpublished reaches the index.
/// </summary>
public sealed class SearchDocumentLoader(KnowledgeDbContext db)
{
    private static readonly ReferenceKind[] PersonKinds = [ReferenceKind.Speaker, ReferenceKind.Author, ReferenceKind.Facilitator];

    /// <summary>Documents for those of <paramref name="keys"/> that are published (others are simply absent).</summary>
    public async Task<IReadOnlyList<SearchDocument>> ContentAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct)
    {
        var list = keys.Distinct().ToList();
        var rows = await db.ContentItems.AsNoTracking()
            .Where(i => list.Contains(i.Key) && i.Status == ContentStatus.Published)
            .Join(db.ContentVersions.AsNoTracking(), i => new { i.Key, Number = i.LiveVersion!.Value }, v => new { Key = v.ContentKey, v.Number },
                (i, v) => new { Item = i, v.Body })
            .ToListAsync(ct);
        var refs = (await db.ContentReferences.AsNoTracking().Where(r => list.Contains(r.SourceKey)).ToListAsync(ct)).ToLookup(r => r.SourceKey);
        var targets = refs.SelectMany(g => g.Select(r => r.TargetKey)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => targets.Contains(p.Key)).ToDictionaryAsync(p => p.Key, ct);
        var organisations = await db.Organisations.AsNoTracking().Where(o => targets.Contains(o.Key)).ToDictionaryAsync(o => o.Key, ct);
        var terms = (await db.Terms.AsNoTracking().Where(t => targets.Contains(t.Key))
            .Join(db.Vocabularies.AsNoTracking(), t => t.VocabularyKey, v => v.Key, (t, v) => new { t.Key, t.Slug, t.Name, v.Alias })
            .ToListAsync(ct)).ToDictionary(t => t.Key);

        // Deserializing and extracting text is most of the work: spread it over the cores (the lookups are read-only).
        var documents = new SearchDocument[rows.Count];
        Parallel.For(0, rows.Count, index =>
        {
            var row = rows[index];
            var item = row.Item;
            var body = ContentJson.DeserializeBody(row.Body);
            var itemRefs = refs[item.Key].OrderBy(r => r.Kind).ThenBy(r => r.Position).ToList();
            var facets = new List<SearchFacetValue> { TypeFacet(ApiNames.Type(item.Type), ContentUrls.Label(item.Type)) };
            var names = new List<string>();
            var termTexts = new List<string>();
            foreach (var r in itemRefs)
            {
                if (PersonKinds.Contains(r.Kind) && people.TryGetValue(r.TargetKey, out var person))
                {
                    names.Add(person.DisplayName);
                    facets.Add(new SearchFacetValue(SearchFacets.Speaker, person.Slug, person.DisplayName));
                }
                else if (r.Kind == ReferenceKind.Organiser && organisations.TryGetValue(r.TargetKey, out var organisation))
                {
                    names.Add(organisation.Name);
                    facets.Add(new SearchFacetValue(SearchFacets.Organisation, organisation.Slug, organisation.Name));
                }
                else if (r.Kind == ReferenceKind.Term && terms.TryGetValue(r.TargetKey, out var term))
                {
                    termTexts.Add($"{term.Name} {term.Slug.Replace('-', ' ')}");
                    var facet = term.Alias switch { Vocabulary.ThemeAlias => SearchFacets.Theme, Vocabulary.RegionAlias => SearchFacets.Region, _ => null };
                    if (facet is not null)
                    {
                        facets.Add(new SearchFacetValue(facet, term.Slug, term.Name));
                    }
                }
            }

            if (item.LiveDateUtc is { } date)
            {
                facets.Add(YearFacet(date));
            }

            documents[index] = new SearchDocument(
                item.Key, ApiNames.Type(item.Type), item.LiveTitle ?? body.Title, body.Summary ?? (body as DossierArticleContent)?.Lead,
                SearchBodyText.For(body), names, termTexts, item.LiveDateUtc, ContentUrls.For(item.Type, item.LiveSlug ?? item.Slug),
                [.. facets.DistinctBy(f => (f.Facet, f.Value))]);
        });

        return documents;
    }

    /// <summary>
    /// Documents for those of <paramref name="keys"/> that a published item names as speaker,
    /// author or facilitator; the rest are returned as <c>Gone</c>, to be removed from the index.
    /// </summary>
    public async Task<(IReadOnlyList<SearchDocument> Documents, IReadOnlyList<Guid> Gone)> PeopleAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct)
    {
        var list = keys.Distinct().ToList();
        var named = await db.ContentReferences.AsNoTracking()
            .Where(r => list.Contains(r.TargetKey) && PersonKinds.Contains(r.Kind))
            .Where(r => db.ContentItems.Any(i => i.Key == r.SourceKey && i.Status == ContentStatus.Published))
            .Select(r => r.TargetKey).Distinct().ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => named.Contains(p.Key)).ToListAsync(ct);
        var orgKeys = people.Where(p => p.OrganisationKey is not null).Select(p => p.OrganisationKey!.Value).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => orgKeys.Contains(o.Key)).ToDictionaryAsync(o => o.Key, ct);

        var documents = people.Select(p =>
        {
            var organisation = p.OrganisationKey is { } k && organisations.TryGetValue(k, out var o) ? o : null;
            var facets = new List<SearchFacetValue> { TypeFacet(SearchDocument.PersonType, "Persoon") };
            if (organisation is not null)
            {
                facets.Add(new SearchFacetValue(SearchFacets.Organisation, organisation.Slug, organisation.Name));
            }

            var summary = string.Join(", ", new[] { p.Role, organisation?.Name }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return new SearchDocument(p.Key, SearchDocument.PersonType, p.DisplayName, summary.Length > 0 ? summary : null,
                SearchBodyText.Plain(p.Bio), organisation is null ? [] : [organisation.Name], [], null, ContentUrls.Person(p.Slug), facets);
        }).ToList();
        return (documents, [.. list.Except(named)]);
    }

    /// <summary>The people a published item currently names, to reindex with it.</summary>
    public Task<List<Guid>> PeopleNamedByAsync(Guid contentKey, CancellationToken ct) =>
        db.ContentReferences.AsNoTracking().Where(r => r.SourceKey == contentKey && PersonKinds.Contains(r.Kind))
            .Select(r => r.TargetKey).Distinct().ToListAsync(ct);

    /// <summary>People no published item names as speaker, author or facilitator: they have no place in the index.</summary>
    public async Task<IReadOnlyList<Guid>> PeopleNamedByNothingAsync(CancellationToken ct) =>
        await db.People.AsNoTracking()
            .Where(p => !db.ContentReferences.Any(r => r.TargetKey == p.Key && PersonKinds.Contains(r.Kind)
                && db.ContentItems.Any(i => i.Key == r.SourceKey && i.Status == ContentStatus.Published)))
            .Select(p => p.Key).ToListAsync(ct);

    private static SearchFacetValue TypeFacet(string type, string label) => new(SearchFacets.Type, type, label);

    private static SearchFacetValue YearFacet(DateTime utc)
    {
        var year = DutchTime.ToAmsterdam(utc).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SearchFacetValue(SearchFacets.Year, year, year);
    }
}
