using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Pages.Nieuwsbrief;

/// <summary>The sign-up page and the answer after a sign-up (the POST itself is NewsletterFormEndpoints).</summary>
public sealed class SignUpModel : PageModel
{
    public string? Result { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? resultaat)
    {
        (Result, Error) = resultaat switch
        {
            "bijna-klaar" => ("Bijna klaar! Als dit adres nog niet is aangemeld, ontvangt u binnen enkele minuten een e-mail met een bevestigingslink. Pas na uw bevestiging ontvangt u de nieuwsbrief.", null),
            "te-veel" => ("Er zijn vandaag al meerdere aanmeldingen voor dit adres of vanaf deze verbinding gedaan. Er is nu geen e-mail verstuurd; probeer het later opnieuw.", null),
            "ongeldig-adres" => (null, "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
            "ongeldig-keuze" => (null, "Kies thema's en regio's uit de lijst."),
            _ => ((string?)null, (string?)null),
        };
    }
}
