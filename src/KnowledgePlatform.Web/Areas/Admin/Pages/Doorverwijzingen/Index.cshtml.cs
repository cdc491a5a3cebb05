using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Doorverwijzingen;

/// <summary>Manual redirects (add, change, remove) and, read-only, the automatic ones from slug changes.</summary>
[Authorize(Policy = Policies.Publish)]
public sealed class IndexModel(ManualRedirects redirects, KnowledgeDbContext db) : PageModel
{
    [BindProperty] public long? Id { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    public IReadOnlyList<ManualRedirect> Manual { get; private set; } = [];
    public IReadOnlyList<SlugRedirect> Automatic { get; private set; } = [];

    public async Task OnGetAsync(long? edit, CancellationToken ct)
    {
        if (edit is { } id && await redirects.All.SingleOrDefaultAsync(r => r.Id == id, ct) is { } row)
        {
            (Id, From, To) = (row.Id, row.FromPath, row.ToPath);
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await redirects.SaveAsync(Id, From, To, User.Identity?.Name ?? "?", ct);
            TempData["Message"] = "De doorverwijzing is opgeslagen.";
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }

            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        await redirects.DeleteAsync(id, User.Identity?.Name ?? "?", ct);
        TempData["Message"] = "De doorverwijzing is verwijderd.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Manual = await redirects.All.OrderBy(r => r.FromPath).ToListAsync(ct);
        Automatic = await db.SlugRedirects.AsNoTracking().OrderByDescending(r => r.CreatedUtc).Take(200).ToListAsync(ct);
    }
}
