using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Aanmeldingen;

/// <summary>One event's registrations: search, status changes, CSV export and a message to all.</summary>
[Authorize(Policy = Policies.Publish)]
public sealed class BijeenkomstModel(KnowledgeDbContext db, ManageRegistrations.Handler manage) : PageModel
{
    public Guid Key { get; private set; }
    public EventContent Event { get; private set; } = null!;
    public IReadOnlyList<EventRegistration> Rows { get; private set; } = [];
    public IReadOnlyDictionary<RegistrationStatus, int> Counts { get; private set; } = new Dictionary<RegistrationStatus, int>();

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken ct) => await LoadAsync(key, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(Guid key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }

        var questions = Event.Registration.Questions;
        var fields = new[] { "Organisation", "Role", "Municipality", "Needs", "Free" };
        var header = new List<string?> { "Naam", "E-mailadres", "Status", "Aangemeld op" };
        header.AddRange(fields.Select(f => RegistrationAnswers.Label(f, questions)));
        var rows = Rows.Select(r =>
        {
            var given = RegistrationAnswers.FromJson(r.Answers).Given().ToDictionary(g => g.Field, g => g.Value);
            var row = new List<string?> { r.Name, r.Email, StatusLabel(r.Status), DutchTime.ToAmsterdam(r.CreatedUtc).ToString("yyyy-MM-dd HH:mm", DutchTime.Culture) };
            row.AddRange(fields.Select(given.GetValueOrDefault));
            return (IReadOnlyList<string?>)row;
        });
        return File(SpreadsheetCsv.Write([header, .. rows]), SpreadsheetCsv.ContentType, $"aanmeldingen-{Event.Slug}.csv");
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid key, long id, ManageRegistrations.Action change, CancellationToken ct)
    {
        var done = await manage.ChangeAsync(key, id, change, User.Identity?.Name ?? "?", ct);
        TempData["Message"] = done ? "De status is gewijzigd." : "Deze wijziging kan niet (meer) voor deze aanmelding.";
        return RedirectToPage(new { key, q = Q });
    }

    public async Task<IActionResult> OnPostMessageAsync(Guid key, CancellationToken ct)
    {
        try
        {
            var count = await manage.MessageAllAsync(key, Subject ?? "", Text ?? "", User.Identity?.Name ?? "?", ct);
            TempData["Message"] = $"Het bericht gaat naar {count} {(count == 1 ? "persoon" : "personen")}.";
            return RedirectToPage(new { key });
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            return await LoadAsync(key, ct) ? Page() : NotFound();
        }
    }

    public static string StatusLabel(RegistrationStatus s) => s switch
    {
        RegistrationStatus.Confirmed => "Aangemeld",
        RegistrationStatus.Waitlisted => "Wachtlijst",
        RegistrationStatus.Offered => "Plaats aangeboden",
        RegistrationStatus.Cancelled => "Geannuleerd",
        RegistrationStatus.Attended => "Aanwezig",
        _ => s.ToString(),
    };

    private async Task<bool> LoadAsync(Guid key, CancellationToken ct)
    {
        var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, ct);
        var json = item is null ? null : await db.ContentVersions.AsNoTracking()
            .Where(v => v.ContentKey == key && v.Number == (item.LiveVersion ?? item.LatestVersion)).Select(v => v.Body).SingleOrDefaultAsync(ct);
        if (json is null || ContentJson.DeserializeBody(json) is not EventContent e)
        {
            return false;
        }

        (Key, Event) = (key, e);
        var all = db.Registrations().AsNoTracking().Where(r => r.EventKey == key);
        Counts = await all.GroupBy(r => r.Status).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
        var search = Q?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(search))
        {
            // Translated to SQL lower(...) LIKE '%…%' (emails are stored lower-case); no culture is involved.
#pragma warning disable CA1304, CA1311, CA1862
            all = all.Where(r => r.Email.Contains(search) || r.Name.ToLower().Contains(search));
#pragma warning restore CA1304, CA1311, CA1862
        }

        Rows = await all.OrderBy(r => r.Id).Take(5000).ToListAsync(ct);
        ViewData["Title"] = $"Aanmeldingen: {e.Title}";
        return true;
    }
}
