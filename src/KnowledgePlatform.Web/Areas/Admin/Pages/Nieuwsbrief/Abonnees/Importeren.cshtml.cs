using System.Text;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief.Abonnees;

/// <summary>CSV import with a required statement of where and how consent was given; all or nothing (see <see cref="ImportSubscribers"/>).</summary>
[Authorize(Policy = Policies.Publish)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class ImporterenModel(ImportSubscribers.Handler import) : PageModel
{
    public const int MaxBytes = 10 * 1024 * 1024;

    [BindProperty] public string? ConsentSource { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public ImportSubscribers.Result? Result { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors["Upload"] = "Kies een CSV-bestand.";
        }
        else if (Upload.Length > MaxBytes)
        {
            Errors["Upload"] = "Het bestand is groter dan 10 MB; splits het op.";
        }

        if (string.IsNullOrWhiteSpace(ConsentSource))
        {
            Errors["ConsentSource"] = "Vul in waar en hoe deze mensen toestemming gaven.";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            Result = await import.HandleAsync(new ImportSubscribers.Command(await ReadAsync(Upload!, ct), ConsentSource, User.Identity?.Name ?? "?"), ct);
        }
        catch (ValidationFailedException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                Errors[field] = string.Join(" ", messages);
            }
        }

        return Page();
    }

    /// <summary>UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1252, what Excel saves "CSV" as.</summary>
    private static async Task<string> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }
}
