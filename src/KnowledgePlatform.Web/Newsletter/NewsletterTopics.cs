using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>A theme or region a subscriber can choose.</summary>
public sealed record Topic(Guid Key, string Slug, string Name, string Vocabulary);

/// <summary>The themes and regions on offer, and the mapping from slugs (forms, API) to term keys.</summary>
public sealed class NewsletterTopics(KnowledgeDbContext db)
{
    public async Task<IReadOnlyList<Topic>> AllAsync(CancellationToken ct) =>
        await (from t in db.Terms.AsNoTracking()
               join v in db.Vocabularies.AsNoTracking() on t.VocabularyKey equals v.Key
               where v.Alias == Vocabulary.ThemeAlias || v.Alias == Vocabulary.RegionAlias
               orderby v.Alias descending, t.SortOrder, t.Name
               select new Topic(t.Key, t.Slug, t.Name, v.Alias)).ToListAsync(ct);

    /// <summary>Term keys for the slugs; the slugs that match nothing are returned as unknown.</summary>
    public async Task<(List<Guid> Keys, List<string> Unknown)> ResolveAsync(IEnumerable<string> themes, IEnumerable<string> regions, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        var keys = new List<Guid>();
        var unknown = new List<string>();
        foreach (var (vocabulary, slugs) in new[] { (Vocabulary.ThemeAlias, themes), (Vocabulary.RegionAlias, regions) })
        {
            foreach (var slug in slugs.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct())
            {
                var topic = all.FirstOrDefault(t => t.Vocabulary == vocabulary && t.Slug == slug.Trim());
                if (topic is null)
                {
                    unknown.Add(slug);
                }
                else
                {
                    keys.Add(topic.Key);
                }
            }
        }

        return (keys, unknown);
    }
}
