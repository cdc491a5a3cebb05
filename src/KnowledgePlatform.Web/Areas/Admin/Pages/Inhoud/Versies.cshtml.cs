using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Inhoud;

/// <summary>Version history: every saved version, a side-by-side comparison of two, and restore (as a new draft).</summary>
public sealed class VersiesModel(KnowledgeDbContext db, CompareVersions.Handler compare, Workflow workflow, BackOfficeAccess access) : PageModel
{
    public sealed record VersionRow(int Number, string Title, string CreatedBy, DateTime CreatedUtc, string? Note);

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    public Guid Key { get; private set; }
    public string Title { get; private set; } = "";
    public int? LiveVersion { get; private set; }
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public IReadOnlyList<CompareVersions.Change> Changes { get; private set; } = [];

    /// <summary>Restoring is a change to the item; anyone in the back-office may look at its history.</summary>
    public bool CanRestore { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken ct)
    {
        var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, ct);
        if (item is null)
        {
            return NotFound();
        }

        (Key, LiveVersion) = (key, item.LiveVersion);
        CanRestore = (await access.ContentAsync(User, key, ct)).CanChange;
        Versions = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == key).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.Title, v.CreatedBy, v.CreatedUtc, v.Note)).ToListAsync(ct);
        Title = Versions[0].Title;
        To ??= item.LatestVersion;
        From ??= item.LiveVersion is { } live && live != To ? live : Math.Max(1, To.Value - 1);
        if (From != To && Versions.Any(v => v.Number == From) && Versions.Any(v => v.Number == To))
        {
            Changes = await compare.HandleAsync(new(key, From.Value, To.Value), ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid key, int version, CancellationToken ct)
    {
        var decision = await access.ContentAsync(User, key, ct);
        if (!decision.Exists)
        {
            return NotFound();
        }

        if (!decision.CanChange)
        {
            return Forbid();
        }

        try
        {
            var result = await workflow.RestoreAsync(key, version, User.Identity?.Name ?? "?", ct);
            TempData["Message"] = $"Versie {version} is teruggezet als nieuw concept (versie {result.Version}).";
            return RedirectToPage("Bewerken", new { key });
        }
        catch (ValidationFailedException ex)
        {
            TempData["Message"] = "Terugzetten lukte niet: " + string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            return RedirectToPage(new { key });
        }
    }
}
