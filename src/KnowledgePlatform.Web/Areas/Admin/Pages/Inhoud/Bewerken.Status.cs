using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Inhoud;

/// <summary>Status changes on an existing item (no form data saved): unpublish, archive, delete, schedule. Publish rights only.</summary>
public sealed partial class BewerkenModel
{
    [BindProperty] public DateOnly? PublishDate { get; set; }
    [BindProperty] public TimeOnly? PublishTime { get; set; }
    [BindProperty] public DateOnly? UnpublishDate { get; set; }
    [BindProperty] public TimeOnly? UnpublishTime { get; set; }

    public Task<IActionResult> OnPostUnpublishAsync(Guid key, CancellationToken ct) =>
        StatusAsync(key, () => workflow.UnpublishAsync(key, Editor, ContentStatus.Unpublished, ct), "Offline gehaald.", ct);

    public Task<IActionResult> OnPostArchiveAsync(Guid key, CancellationToken ct) =>
        StatusAsync(key, () => workflow.UnpublishAsync(key, Editor, ContentStatus.Archived, ct), "Gearchiveerd.", ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid key, CancellationToken ct)
    {
        if (!await access.MayPublishAsync(User))
        {
            return Forbid();
        }

        if (await RefuseAsync(key, ct) is { } refused)
        {
            return refused;
        }

        await workflow.DeleteAsync(key, Editor, ct);
        TempData["Message"] = "Het item is verwijderd.";
        return RedirectToPage("Index");
    }

    public Task<IActionResult> OnPostScheduleAsync(Guid key, CancellationToken ct)
    {
        DateTime? publishAt = PublishDate is { } pd ? ContentFormMapping.At(pd, PublishTime).UtcDateTime : null;
        DateTime? unpublishAt = UnpublishDate is { } ud ? ContentFormMapping.At(ud, UnpublishTime).UtcDateTime : null;
        return StatusAsync(key, () => workflow.ScheduleAsync(key, publishAt, unpublishAt, Editor, ct),
            publishAt is null && unpublishAt is null ? "Planning verwijderd." : "Planning opgeslagen.", ct);
    }

    private async Task<IActionResult> StatusAsync(Guid key, Func<Task> change, string message, CancellationToken ct)
    {
        if (!await access.MayPublishAsync(User))
        {
            return Forbid();
        }

        if (await RefuseAsync(key, ct) is { } refused)
        {
            return refused;
        }

        try
        {
            await change();
            TempData["Message"] = message;
            return RedirectToPage(new { key });
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }

            return await OnGetAsync(key, null, ct);
        }
        catch (ContentNotFoundException)
        {
            return NotFound();
        }
    }
}
