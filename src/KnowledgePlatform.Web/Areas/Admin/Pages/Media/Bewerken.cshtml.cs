using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Media;

/// <summary>
/// One media item: alt text, focal point, folder (its uploader or Publish), where it is used, and delete
/// (refused while in use; Publish policy). Others see it read-only.
/// </summary>
public sealed class BewerkenModel(KnowledgeDbContext db, MediaUsage.Handler usage, MediaFolders.Handler folders, BackOfficeAccess access) : PageModel
{
    public MediaItem Item { get; private set; } = null!;
    public IReadOnlyList<MediaUsage.Use> Uses { get; private set; } = [];
    public IReadOnlyList<MediaFolder> Folders { get; private set; } = [];
    public bool CanDelete { get; private set; }
    public bool CanChange { get; private set; }

    [BindProperty] public string? AltText { get; set; }
    [BindProperty] public int FocalX { get; set; }
    [BindProperty] public int FocalY { get; set; }
    [BindProperty] public Guid? FolderId { get; set; }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        (AltText, FocalX, FocalY, FolderId) = (Item.AltText, Item.FocalX, Item.FocalY, Item.FolderId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] UpdateMedia.Handler update, CancellationToken ct)
    {
        if (await db.Set<MediaItem>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is not { } current)
        {
            return NotFound();
        }

        if (!await access.MayChangeMediaAsync(User, current))
        {
            return Forbid();
        }

        try
        {
            await update.HandleAsync(new UpdateMedia.Command(id, AltText, FocalX, FocalY, FolderId, Actor), ct);
            TempData["Message"] = "De wijzigingen zijn opgeslagen.";
            return RedirectToPage(new { id });
        }
        catch (MediaNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, [FromServices] DeleteMedia.Handler delete, CancellationToken ct)
    {
        if (!await access.MayPublishAsync(User))
        {
            return Forbid();
        }

        try
        {
            await delete.HandleAsync(new DeleteMedia.Command(id, Actor), ct);
            TempData["Message"] = "Het bestand is verwijderd.";
            return RedirectToPage("Index");
        }
        catch (MediaNotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex);
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            (AltText, FocalX, FocalY, FolderId) = (Item.AltText, Item.FocalX, Item.FocalY, Item.FolderId);
            return Page();
        }
    }

    private string Actor => User.Identity?.Name ?? "onbekend";

    private void AddErrors(ValidationFailedException ex)
    {
        foreach (var (field, messages) in ex.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, message);
            }
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var item = await db.Set<MediaItem>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Uses = await usage.HandleAsync(id, ct);
        Folders = await folders.ListAsync(ct);
        CanDelete = await access.MayPublishAsync(User);
        CanChange = await access.MayChangeMediaAsync(User, item);
        return true;
    }
}
