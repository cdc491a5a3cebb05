using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Pages.Agenda;

/// <summary>"Je bent aangemeld" / "je staat op de wachtlijst". Shows no personal data: that only goes by mail.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RegisteredModel(KnowledgeDbContext db) : PageModel
{
    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public bool Waitlisted { get; private set; }
    public int? Position { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? status, int? positie, CancellationToken ct)
    {
        if (await db.LiveEventBySlugAsync(slug, ct) is not var (_, e))
        {
            return NotFound();
        }

        (Title, Slug, Waitlisted, Position) = (e.Title, slug, status == "wachtlijst", positie is > 0 and < 100_000 ? positie : null);
        ViewData["Title"] = Waitlisted ? "Je staat op de wachtlijst" : "Je bent aangemeld";
        return Page();
    }
}
