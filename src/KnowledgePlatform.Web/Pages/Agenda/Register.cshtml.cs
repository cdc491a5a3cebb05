using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Pages.Agenda;

/// <summary>
/// Where the event page's form posts (and a page of its own for corrections): registers, then
/// redirects to a confirmation so a refresh does not register again. Never cached.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RegisterModel(KnowledgeDbContext db, Register.Handler register, TimeProvider clock, ILogger<RegisterModel> logger) : PageModel
{
    public RegistrationFormView Form { get; private set; } = null!;

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await ShowAsync(slug, null, null, ct) ?? NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        try
        {
            var result = await register.HandleAsync(new Register.Command(slug, Input.Name, Input.Email, Input.Answers,
                HttpContext.Connection.RemoteIpAddress, HoneypotFilled: !string.IsNullOrEmpty(Input.Website)), ct);
            if (result is null)
            {
                return NotFound();
            }

            // A bot (the honeypot was filled in) gets the same answer as a person; nothing was stored or sent.
            if (Input.Newsletter && !result.Ignored)
            {
                await NewsletterOptIn.RequestAsync(HttpContext.RequestServices, Input.Email!, Input.Name, HttpContext.Connection.RemoteIpAddress, logger, ct);
            }

            return RedirectToPage("/Agenda/Registered", new
            {
                slug,
                status = result.Status is RegistrationStatus.Waitlisted or RegistrationStatus.Offered ? "wachtlijst" : "aangemeld",
                positie = result.Position,
            });
        }
        catch (ValidationFailedException ex)
        {
            return await ShowAsync(slug, ex.Errors, null, ct) ?? NotFound();
        }
        catch (Exception ex) when (ex is RegistrationClosedException or RegistrationLimitException)
        {
            return await ShowAsync(slug, null, ex.Message, ct) ?? NotFound();
        }
    }

    private async Task<IActionResult?> ShowAsync(string slug, IReadOnlyDictionary<string, string[]>? errors, string? notice, CancellationToken ct)
    {
        if (await db.LiveEventBySlugAsync(slug, ct) is not var (item, e) || e.Registration.Mode != RegistrationMode.Internal)
        {
            return null;
        }

        Form = await RegistrationFormView.LoadAsync(db, item.Key, e, clock.GetUtcNow(), Input, errors, notice, ct);
        ViewData["Title"] = $"Aanmelden: {e.Title}";
        return Page();
    }
}
