using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Media;

/// <summary>The media library: upload (a plain multipart form; dropping a file onto it is an enhancement), folders, search.</summary>
public sealed class IndexModel(ListMedia.Handler list, MediaFolders.Handler folders, IOptions<MediaOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "map")] public Guid? Folder { get; set; }
    [BindProperty(SupportsGet = true, Name = "zoek")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<MediaFolder> Folders { get; private set; } = [];
    public ListMedia.Page Items { get; private set; } = new([], 0, 1, ListMedia.PageSize);
    public MediaOptions Limits => options.Value;

    /// <summary>The alt text typed before a refused upload, so it need not be typed again.</summary>
    public string? AltTextValue { get; private set; }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? altText, Guid? uploadFolder,
        [FromServices] UploadMedia.Handler upload, CancellationToken ct)
    {
        AltTextValue = altText;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", "Kies een bestand om toe te voegen.");
            return await PageAsync(ct);
        }

        try
        {
            await using var content = file.OpenReadStream();
            var item = await upload.HandleAsync(new UploadMedia.Command(content, file.FileName, altText, uploadFolder, Actor), ct);
            TempData["Message"] = $"‘{item.OriginalName}’ is toegevoegd.";
            return RedirectToPage("Bewerken", new { id = item.Id });
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex);
            return await PageAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostFolderAsync(string? name, CancellationToken ct)
    {
        try
        {
            var folder = await folders.CreateAsync(name, ct);
            TempData["Message"] = $"Map ‘{folder.Name}’ is aangemaakt.";
            return RedirectToPage(new { map = folder.Id });
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex);
            return await PageAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostDeleteFolderAsync(Guid folderId, CancellationToken ct)
    {
        try
        {
            await folders.DeleteAsync(folderId, ct);
            TempData["Message"] = "De map is verwijderd.";
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex);
            return await PageAsync(ct);
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

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Folders = await folders.ListAsync(ct);
        Items = await list.HandleAsync(new ListMedia.Query(Folder, Search, Page: PageNumber), ct);
    }
}
