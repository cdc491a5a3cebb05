using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief.Abonnees;

/// <summary>
/// Access and erasure requests for any address — also someone who only registered for events and
/// never subscribed. Everything is posted, so the address never appears in a URL or a log line.
/// </summary>
[Authorize(Policy = Policies.Publish)]
public sealed class PersoonsgegevensModel(KnowledgeDbContext db, ExportPersonalData export, ErasePersonalData.Handler erase) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public ExportPersonalData.File? Found { get; private set; }
    public string? EmailError { get; private set; }
    public string? EraseError { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostLookupAsync(CancellationToken ct)
    {
        if (Address() is { } address)
        {
            Found = await export.ForAddressAsync(address, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct) =>
        Address() is { } address ? await PersonalDataActions.ExportAsync(this, db, export, address, ct) : Page();

    public async Task<IActionResult> OnPostEraseAsync(bool zeker, CancellationToken ct)
    {
        if (Address() is not { } address)
        {
            return Page();
        }

        if (!zeker)
        {
            EraseError = "Vink aan dat u begrijpt dat wissen niet ongedaan kan worden gemaakt.";
            Found = await export.ForAddressAsync(address, ct);
            return Page();
        }

        await PersonalDataActions.EraseAsync(this, erase, address, ct);
        return RedirectToPage();
    }

    private string? Address()
    {
        var address = MailboxAddress.Normalize(Email);
        if (address is null)
        {
            EmailError = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.";
        }

        return address;
    }
}
