using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// Shared by the pages that show one published item: find it by slug, answer a renamed slug with
/// a permanent redirect, and load the names it refers to.
/// </summary>
public abstract class DetailPageModel<TBody>(ContentReader reader) : PageModel
    where TBody : ContentBody
{
    protected ContentReader Reader { get; } = reader;

    public ContentItem Item { get; private set; } = null!;
    public TBody Body { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, Person> People { get; private set; } = new Dictionary<Guid, Person>();
    public IReadOnlyDictionary<Guid, Organisation> Organisations { get; private set; } = new Dictionary<Guid, Organisation>();
    public IReadOnlyList<(Term Term, Vocabulary Vocabulary)> Terms { get; private set; } = [];
    public IReadOnlyList<ContentCard> Related { get; private set; } = [];

    protected abstract ContentType[] Types { get; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var (found, movedTo) = await Reader.FindAsync(Types, slug, ct);
        if (movedTo is not null)
        {
            return RedirectPermanent(ContentUrls.For(Types[0], movedTo));
        }

        if (found?.Body is not TBody body)
        {
            return NotFound();
        }

        await ShowAsync(found.Item, body, ct);
        return Page();
    }

    /// <summary>
    /// Loads everything the page shows for this item and body: the live ones here, a draft in the
    /// back-office preview (which renders the same partial with a model filled by this method).
    /// </summary>
    public async Task ShowAsync(ContentItem item, TBody body, CancellationToken ct)
    {
        Item = item;
        Body = body;
        var refs = ContentReferences.From(body);
        People = await Reader.PeopleAsync(refs.Where(r => r.Kind is ReferenceKind.Speaker or ReferenceKind.Author or ReferenceKind.Facilitator).Select(r => r.TargetKey), ct);
        Organisations = await Reader.OrganisationsAsync(
            refs.Where(r => r.Kind == ReferenceKind.Organiser).Select(r => r.TargetKey)
                .Concat(People.Values.Where(p => p.OrganisationKey is not null).Select(p => p.OrganisationKey!.Value)), ct);
        Terms = await Reader.TermsAsync(body.Terms, ct);
        Related = await Reader.RelatedAsync(Item.Key, [.. refs.Select(r => (r.TargetKey, r.Kind))], 4, ct);
        ViewData["Title"] = body.Title;
        ViewData["Description"] = body.Summary;
        ViewData[ContentMetadataSource.ViewDataKey] = new ContentMetadataSource(Item, body, People, Organisations);
        await LoadAsync(ct); // after the defaults, so a page can refine them
    }

    protected virtual Task LoadAsync(CancellationToken ct) => Task.CompletedTask;

    public IEnumerable<Person> PeopleIn(IEnumerable<Guid> keys) => keys.Where(People.ContainsKey).Select(k => People[k]);

    public IEnumerable<Organisation> OrganisationsIn(IEnumerable<Guid> keys) => keys.Where(Organisations.ContainsKey).Select(k => Organisations[k]);
}
