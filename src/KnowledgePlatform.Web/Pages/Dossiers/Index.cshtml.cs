using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Dossiers;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class DossiersModel(ListingQuery lists) : ListingPageModel(lists)
{
    protected override ContentType Type => ContentType.Dossier;

    public override string Heading => "Dossiers";

    public override string Lead => "Dossiers bundelen artikelen, verslagen en bijeenkomsten over één onderwerp.";

    public override string Empty => "Er zijn nog geen dossiers.";
}
