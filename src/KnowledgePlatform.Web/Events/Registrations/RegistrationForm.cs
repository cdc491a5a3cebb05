using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>What a reader typed into the form (names match the form fields).</summary>
public sealed class RegistrationInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Organisation { get; set; }
    public string? Role { get; set; }
    public string? Municipality { get; set; }
    public string? Needs { get; set; }
    public string? Free { get; set; }
    public bool Newsletter { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }

    public RegistrationAnswers Answers => new() { Organisation = Organisation, Role = Role, Municipality = Municipality, Needs = Needs, Free = Free };
}

/// <summary>Everything the form partial shows.</summary>
public sealed record RegistrationFormView(
    string Slug, string Title, RegistrationQuestions? Questions, string? ClosedReason, int? SeatsLeft, int Waiting,
    RegistrationInput Input, IReadOnlyDictionary<string, string[]> Errors, string? Notice)
{
    /// <summary>No free seat for a newcomer: new registrations join the waitlist.</summary>
    public bool Full => SeatsLeft is <= 0 || (SeatsLeft is not null && Waiting > 0);

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public static async Task<RegistrationFormView> LoadAsync(KnowledgeDbContext db, Guid key, EventContent e, DateTimeOffset now,
        RegistrationInput? input, IReadOnlyDictionary<string, string[]>? errors, string? notice, CancellationToken ct)
    {
        var capacity = RegistrationData.CapacityOf(e);
        var counts = await db.Registrations().Where(r => r.EventKey == key).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(RegistrationStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        var taken = Count(RegistrationStatus.Confirmed) + Count(RegistrationStatus.Offered) + Count(RegistrationStatus.Attended);
        var waiting = Count(RegistrationStatus.Waitlisted);
        int? left = capacity is null ? null : Math.Max(0, capacity.Value - taken);
        return new RegistrationFormView(e.Slug, e.Title, e.Registration.Questions, EventDetails.ClosedReason(e, now), left, waiting,
            input ?? new(), errors ?? new Dictionary<string, string[]>(), notice);
    }
}

/// <summary>
/// The registration form on the event page. Rendered per request: a page carrying an antiforgery
/// token and live seat counts must never come from the output cache, so this turns storing off
/// for that response (event pages without the form stay cached).
/// </summary>
public sealed class RegistrationFormViewComponent(KnowledgeDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid eventKey, EventContent body)
    {
        if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }

        var view = await RegistrationFormView.LoadAsync(db, eventKey, body, clock.GetUtcNow(), null, null, null, HttpContext.RequestAborted);
        return View("~/Pages/Shared/_RegistrationForm.cshtml", view);
    }
}
