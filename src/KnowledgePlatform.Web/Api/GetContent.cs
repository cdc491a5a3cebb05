using System.Text.Json.Nodes;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Api;

/// <summary>One published item by key or by type and slug, with what it names and related items.</summary>
public static class GetContent
{
    public sealed class Handler(KnowledgeDbContext db, ContentReader reader, AttachmentLinks attachments, IOptions<SiteOptions> site)
    {
        public async Task<(ContentDetail? Detail, ContentItem? Item)> ByKeyAsync(Guid key, CancellationToken ct)
        {
            var item = await db.Published().FirstOrDefaultAsync(i => i.Key == key, ct);
            return item is null ? (null, null) : (await DetailAsync(item, ct), item);
        }

        public async Task<(ContentDetail? Detail, ContentItem? Item)> BySlugAsync(ContentType type, string slug, CancellationToken ct)
        {
            var (found, _) = await reader.FindAsync([type], slug, ct);
            return found is null ? (null, null) : (await DetailAsync(found.Item, ct), found.Item);
        }

        private async Task<ContentDetail> DetailAsync(ContentItem item, CancellationToken ct)
        {
            var json = await db.ContentVersions.AsNoTracking()
                .Where(v => v.ContentKey == item.Key && v.Number == item.LiveVersion).Select(v => v.Body).SingleAsync(ct);
            var body = ContentJson.DeserializeBody(json);
            var refs = ContentReferences.From(body);
            var people = await reader.PeopleAsync(refs.Where(r => r.Kind is ReferenceKind.Speaker or ReferenceKind.Author or ReferenceKind.Facilitator).Select(r => r.TargetKey), ct);
            var organisations = await reader.OrganisationsAsync(refs.Where(r => r.Kind == ReferenceKind.Organiser).Select(r => r.TargetKey), ct);
            var related = await reader.RelatedAsync(item.Key, 4, ct);
            var relatedKeys = related.Select(r => r.Key).ToList();
            var relatedItems = await db.ContentItems.AsNoTracking().Where(i => relatedKeys.Contains(i.Key)).ToListAsync(ct);
            var summaries = new ContentSummaries(db, site.Value);
            var baseUri = site.Value.BaseUri;
            PersonRef Person(Person p) => new(p.Slug, p.DisplayName, p.Role, new Uri(baseUri, ContentUrls.Person(p.Slug).TrimStart('/')).ToString());
            return new ContentDetail(
                (await summaries.ForAsync([item], ct))[0],
                JsonNode.Parse(json)!.AsObject(),
                [.. people.Values.OrderBy(p => p.Name, StringComparer.Ordinal).Select(Person)],
                [.. organisations.Values.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => new OrganisationRef(o.Slug, o.Name, o.Website))],
                await summaries.ForAsync([.. related.Select(r => relatedItems.First(i => i.Key == r.Key))], ct),
                [.. (await attachments.ForAsync(body, people, ct)).Select(a => new AttachmentRef(a.Title, new Uri(baseUri, a.Url.TrimStart('/')).ToString(),
                    a.ContentType, a.FileType, a.Length, a.Speaker is { } s ? Person(s) : null, a.ProgrammeItem))]);
        }
    }
}
