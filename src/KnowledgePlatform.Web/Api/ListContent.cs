using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Api;

/// <summary>Published items filtered by type, theme, region, speaker and date; paged and sorted.</summary>
public static class ListContent
{
    public sealed class Handler(KnowledgeDbContext db, IOptions<SiteOptions> site)
    {
        public async Task<(ContentPage? Page, Dictionary<string, string[]> Errors)> HandleAsync(ContentListQuery query, CancellationToken ct)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var items = db.Published();
            if (query.Types.Count > 0)
            {
                var types = query.Types.ToList();
                items = items.Where(i => types.Contains(i.Type));
            }

            foreach (var (alias, slugs, field) in new[] { (Vocabulary.ThemeAlias, query.Themes, "theme"), (Vocabulary.RegionAlias, query.Regions, "region") })
            {
                if (slugs.Count == 0)
                {
                    continue;
                }

                var termKeys = await db.Terms.Where(t => slugs.Contains(t.Slug))
                    .Join(db.Vocabularies.Where(v => v.Alias == alias), t => t.VocabularyKey, v => v.Key, (t, _) => new { t.Key, t.Slug })
                    .ToListAsync(ct);
                var unknown = slugs.Except(termKeys.Select(t => t.Slug), StringComparer.Ordinal).ToList();
                if (unknown.Count > 0)
                {
                    errors[field] = [$"Onbekend: {string.Join(", ", unknown)}."];
                    continue;
                }

                var keys = termKeys.Select(t => t.Key).ToList();
                items = items.Where(i => db.ContentReferences.Any(r => r.SourceKey == i.Key && r.Kind == ReferenceKind.Term && keys.Contains(r.TargetKey)));
            }

            if (query.Speaker is { } speakerSlug)
            {
                var person = await db.People.Where(p => p.Slug == speakerSlug).Select(p => (Guid?)p.Key).FirstOrDefaultAsync(ct);
                if (person is null)
                {
                    errors["speaker"] = [$"Onbekende spreker: {speakerSlug}."];
                }
                else
                {
                    items = items.Where(i => db.ContentReferences.Any(r => r.SourceKey == i.Key && r.TargetKey == person
                        && (r.Kind == ReferenceKind.Speaker || r.Kind == ReferenceKind.Author || r.Kind == ReferenceKind.Facilitator)));
                }
            }

            if (errors.Count > 0)
            {
                return (null, errors);
            }

            if (query.FromUtc is { } from)
            {
                items = items.Where(i => i.LiveDateUtc >= from);
            }

            if (query.ToUtc is { } to)
            {
                items = items.Where(i => i.LiveDateUtc < to);
            }

            var total = await items.CountAsync(ct);
            items = query.Sort switch
            {
                "date" => items.OrderBy(i => i.LiveDateUtc).ThenBy(i => i.Key),
                "title" => items.OrderBy(i => i.LiveTitle).ThenBy(i => i.Key),
                "-published" => items.OrderByDescending(i => i.PublishedUtc).ThenBy(i => i.Key),
                _ => items.OrderByDescending(i => i.LiveDateUtc).ThenBy(i => i.Key),
            };
            var page = await items.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
            var summaries = await new ContentSummaries(db, site.Value).ForAsync(page, ct);
            return (new ContentPage(total, query.Page, query.PageSize, summaries), errors);
        }
    }
}
