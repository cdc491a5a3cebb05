using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Pages.Nieuwsbrief;

/// <summary>The preference centre behind the signed link in every mail: themes/regions, pause, resume, unsubscribe.</summary>
public sealed class PreferencesModel(ChangeSubscription.Handler handler, NewsletterTopics topics, ExportPersonalData export) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    public Subscriber? Subscriber { get; private set; }

    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public HashSet<Guid> Chosen { get; private set; } = [];

    public string? Message { get; private set; }

    public string StatusText => Subscriber?.Status switch
    {
        SubscriberStatus.Active => "u ontvangt de nieuwsbrief",
        SubscriberStatus.Paused => "gepauzeerd",
        SubscriberStatus.Unsubscribed => "afgemeld",
        SubscriberStatus.Bounced => "gestopt: uw mailserver weigerde onze berichten",
        _ => "nog niet bevestigd",
    };

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>The subscriber's own copy of everything stored about them (GDPR, right of access), behind the same signed link.</summary>
    public async Task<IActionResult> OnGetGegevensAsync(CancellationToken ct)
    {
        var subscriber = await handler.FindAsync(Token, ct);
        if (subscriber is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return File(ExportPersonalData.ToJson(await export.ForAddressAsync(subscriber.Email, ct)), "application/json; charset=utf-8", "mijn-gegevens.json");
    }

    public Task OnPostSaveAsync(bool all, string[]? themes, string[]? regions, CancellationToken ct) =>
        ChangeAsync(ChangeSubscription.Change.Preferences, all && (themes?.Length ?? 0) + (regions?.Length ?? 0) == 0, themes, regions, "Uw voorkeuren zijn opgeslagen.", ct);

    public Task OnPostPauseAsync(CancellationToken ct) => ChangeAsync(ChangeSubscription.Change.Pause, false, null, null, "De nieuwsbrief is gepauzeerd.", ct);

    public Task OnPostResumeAsync(CancellationToken ct) => ChangeAsync(ChangeSubscription.Change.Resume, false, null, null, "U ontvangt de nieuwsbrief weer.", ct);

    public Task OnPostUnsubscribeAsync(CancellationToken ct) => ChangeAsync(ChangeSubscription.Change.Unsubscribe, false, null, null, "U bent afgemeld.", ct);

    private async Task ChangeAsync(ChangeSubscription.Change change, bool all, string[]? themes, string[]? regions, string done, CancellationToken ct)
    {
        try
        {
            var changed = await handler.HandleAsync(new ChangeSubscription.Command(Token, change, all, themes ?? [], regions ?? [], "preference-centre",
                HttpContext.Connection.RemoteIpAddress), ct);
            Message = changed ? done : null;
        }
        catch (ValidationFailedException ex)
        {
            Message = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Subscriber = await handler.FindAsync(Token, ct);
        if (Subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Topics = await topics.AllAsync(ct);
        Chosen = [.. Subscriber.TermKeys()];
    }
}
