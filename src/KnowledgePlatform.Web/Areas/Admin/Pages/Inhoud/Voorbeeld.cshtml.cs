using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Inhoud;

/// <summary>
/// The latest version (draft or not) in the public site's layout, under /beheer: only signed-in
/// editors reach it, it is never output-cached and the response says no-store and noindex.
/// </summary>
public sealed class VoorbeeldModel(KnowledgeDbContext db) : PageModel
{
    public ContentBody Body { get; private set; } = null!;
    public int Version { get; private set; }
    public IReadOnlyDictionary<Guid, Person> People { get; private set; } = new Dictionary<Guid, Person>();

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken ct)
    {
        var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, ct);
        if (item is null)
        {
            return NotFound();
        }

        Version = item.LatestVersion;
        Body = ContentJson.DeserializeBody(await db.ContentVersions.AsNoTracking()
            .Where(v => v.ContentKey == key && v.Number == item.LatestVersion).Select(v => v.Body).SingleAsync(ct));
        var people = ContentReferences.From(Body).Where(r => r.Kind is ReferenceKind.Speaker or ReferenceKind.Author or ReferenceKind.Facilitator)
            .Select(r => r.TargetKey).Distinct().ToList();
        People = await db.People.AsNoTracking().Where(p => people.Contains(p.Key)).ToDictionaryAsync(p => p.Key, ct);
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        ViewData["Title"] = "Voorbeeld: " + Body.Title;
        return Page();
    }

    public string Name(Guid key) => People.TryGetValue(key, out var p) ? p.DisplayName : "(onbekend)";
}
