using KnowledgePlatform.Web.Events.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Pages.Aanmelding;

/// <summary>
/// The personal link from the mails: view the registration, cancel it, or claim an offered seat.
/// The token is the only key, so the page is never cached, indexed or sent on as a referrer.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PersonalModel(PersonalRegistration.Handler handler) : PageModel
{
    public PersonalView View { get; private set; } = null!;
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, string? gedaan, CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var view = await handler.ViewAsync(token, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Done = gedaan switch
        {
            "geannuleerd" => "Je aanmelding is geannuleerd. Je ontvangt een bevestiging per e-mail.",
            "bevestigd" => "Je plaats is bevestigd. Je ontvangt een bevestiging met agenda-uitnodiging per e-mail.",
            "verlopen" => "Deze plaats is niet meer beschikbaar: de termijn om te bevestigen is verstreken.",
            _ => null,
        };
        ViewData["Title"] = $"Je aanmelding: {view.EventTitle}";
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken ct)
    {
        var changed = await handler.CancelAsync(token, ct);
        return RedirectToPage(new { token, gedaan = changed ? "geannuleerd" : null });
    }

    public async Task<IActionResult> OnPostClaimAsync(string token, CancellationToken ct)
    {
        var claimed = await handler.ClaimAsync(token, ct);
        return RedirectToPage(new { token, gedaan = claimed ? "bevestigd" : "verlopen" });
    }
}
