using System.Net;

namespace KnowledgePlatform.Tests.Quality;

/// <summary>One kind of public page, represented by one URL of the demo content.</summary>
public sealed record PageKind(string Name, string Path, HttpStatusCode Status = HttpStatusCode.OK)
{
    public override string ToString() => $"{Name} ({Path})";
}

/// <summary>
/// Every kind of public page the quality bars check (accessibility, validity) and the crawler
/// starts from. A new kind of page is one more line here, with a URL from the demo content.
/// </summary>
public static class PublicPages
{
    public static IReadOnlyList<PageKind> All { get; } =
    [
        new("home", "/"),
        new("event", "/agenda/vu-divosa-collegereeks-2020-patronen-doorbreken"),
        new("online event", "/agenda/kansrijke-kiemen"),
        new("workshop", "/agenda/werkbijeenkomst-sturing-en-control-in-het-sociaal-domein"),
        new("report", "/verslagen/werkbijeenkomst-js-consultancy-sturing-en-control-sociaal-domein"),
        new("article", "/artikelen/vorm-inhoud-en-relaties"),
        new("dossier", "/dossiers/dossier-op-sociale-vraagstukken"),
        new("agenda", "/agenda"),
        new("agenda, past and filtered", "/agenda?periode=verleden&thema=sociaal-domein&soort=online"),
        new("reports", "/verslagen"),
        new("dossiers", "/dossiers"),
        new("newsletter archive", "/nieuwsbrief"),
        new("newsletter issue", "/nieuwsbrief/nieuwsbrief-mei-2017"),
        new("newsletter sign-up", "/nieuwsbrief/aanmelden"),
        new("newsletter sign-up answer", "/nieuwsbrief/aanmelden?resultaat=bijna-klaar"),
        new("embeddable newsletter form", "/nieuwsbrief/formulier"),
        new("speaker", "/sprekers/jan-kees-helderman"),
        new("themes", "/themas"),
        new("theme", "/themas/sociaal-domein"),
        new("regions", "/regios"),
        new("region", "/regios/utrecht"),
        new("workshop with registration form", "/agenda/demo-werkplaats-lerende-praktijk"),
        new("registration form", "/agenda/demo-werkplaats-lerende-praktijk/aanmelden"),
        new("registration received", "/agenda/demo-werkplaats-lerende-praktijk/aanmelden/ontvangen?status=wachtlijst&positie=2"),
        new("not found", "/bestaat-niet", HttpStatusCode.NotFound),
    ];

    /// <summary>Theory data by path: a string keeps xunit listing one test case per page kind.</summary>
    public static TheoryData<string> Paths => new(All.Select(page => page.Path));

    public static PageKind At(string path) => All.Single(page => page.Path == path);
}
